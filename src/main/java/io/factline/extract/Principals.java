package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a text's descriptions and plural pronouns stand for: its principals, those who meet or act
 * together in it ("the Leaders", "The Secretary and the Foreign Ministers", "our two nations", "they",
 * "we, the leaders of Japan, the ROK and the United States"), and in a transcript "the President" the
 * speaker speaks to.
 */
final class Principals {

    private final Gazetteer gazetteer;
    private final Set<String> groupPeople;
    private final Set<String> groupStates;
    private final Set<String> groupTitles;

    Principals(Gazetteer gazetteer, ExtractionData.GroupNouns groupNouns) {
        this.gazetteer = gazetteer;
        this.groupPeople = Sentence.lowerCased(groupNouns.people());
        this.groupStates = Sentence.lowerCased(groupNouns.states());
        this.groupTitles = Sentence.lowerCased(groupNouns.titles());
    }

    private static final Set<String> GROUP_OPENERS = Set.of("the", "our", "both", "all", "these", "their");
    private static final Map<String, Integer> COUNTS = Map.of("two", 2, "three", 3, "both", 2, "four", 4);

    /**
     * A group description resolved: the principals, else the people (states) this sentence has named
     * before it ("Biden had a call with Yoon, and the two leaders agreed"), else the last ones named.
     */
    List<String> group(Discourse discourse, List<Mention> before, int at, boolean people, int count) {
        List<String> principals = discourse.principals(people);
        if (principals.size() >= 2 && (count <= 0 || principals.size() == count)) {
            return principals;
        }
        List<String> inSentence = new ArrayList<>();
        for (Mention m : before) {
            for (String id : m.start() < at ? m.actorIds() : List.<String>of()) {
                ExtractionData.Actor a = discourse.actor(id);
                if (a != null && (people ? a.isPerson() : a.isState()) && !inSentence.contains(id)) {
                    inSentence.add(id);
                }
            }
        }
        if (inSentence.size() >= 2 && (count <= 0 || inSentence.size() == count)) {
            return inSentence;
        }
        return discourse.group(people, count);
    }

    /** In a transcript, "the President": the one principal other than the speaker who is a president on the day. */
    List<String> interlocutor(Discourse discourse, LocalDate day) {
        List<String> others = discourse.principals(true).stream().filter(id -> !id.equals(discourse.speaker()))
                .filter(id -> day == null || gazetteer.holds(id, "president", day)).toList();
        return others.size() == 1 ? others : List.of();
    }

    /** "The US, Britain and China met at Cairo, where they agreed": the states (or people) this sentence named before. */
    static List<String> sameKindBefore(List<Mention> before, int at, Discourse discourse) {
        List<String> states = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        for (Mention m : before) {
            if (m.start() >= at || m.via() == Mention.Via.PRONOUN) {
                continue;
            }
            for (String id : m.actorIds()) {
                ExtractionData.Actor a = discourse.actor(id);
                List<String> into = a != null && a.isState() ? states : a != null && a.isPerson() ? persons : null;
                if (into != null && !into.contains(id)) {
                    into.add(id);
                }
            }
        }
        return persons.size() >= 2 ? persons : states.size() >= 2 && persons.isEmpty() ? states : List.of();
    }

    /**
     * "We, the leaders of Japan, the Republic of Korea (ROK), and the United States, …": the leaders of
     * the states named in apposition become the text's principals. Returns the last token of "we".
     */
    int appositiveLeaders(Sentence s, int we, Discourse discourse, LocalDate day, List<Mention> named) {
        if (we + 3 >= s.size() || !s.words()[we + 1].equals(",") || !s.lower(we + 3).matches("leaders|heads")) {
            return we;
        }
        int end = we + 4;
        while (end < s.size() && !(s.words()[end].equals(",") && end + 1 < s.size() && !s.tags()[end + 1].startsWith("PROPN")
                && !s.lower(end + 1).equals("and") && !s.lower(end + 1).equals("the"))) {
            end++;
        }
        int from = s.tokenStarts()[we + 3];
        int to = end < s.size() ? s.tokenStarts()[end] : s.end();
        List<String> leaders = new ArrayList<>();
        for (Mention m : named) {
            if (m.start() >= from && m.start() < to) {
                for (String id : m.actorIds()) {
                    ExtractionData.Actor a = discourse.actor(id);
                    LocalDate now = discourse.reference() != null ? discourse.reference() : day; // today's leaders
                    String leader = a != null && a.isState() && now != null ? headOf(id, now) : null;
                    String chosen = leader != null ? leader : id;
                    if (!leaders.contains(chosen)) {
                        leaders.add(chosen);
                    }
                }
            }
        }
        if (leaders.size() >= 2) {
            discourse.principals(leaders);
        }
        return we;
    }

    /** The head of a state's government on the day: its president, else its prime minister. */
    private String headOf(String state, LocalDate day) {
        for (String office : List.of("president", "prime-minister", "leader")) {
            var holder = gazetteer.holder(office, state, day);
            if (holder.isPresent()) {
                return holder.get();
            }
        }
        return null;
    }

    /**
     * A description of the principals: a determiner, perhaps a number, and group nouns or titles only
     * ("the Leaders", "The Secretary and the Foreign Ministers", "our two nations", "all three
     * countries"). Returns the token after it, or {@code i} when there is none.
     */
    int groupDescription(Sentence s, int i) {
        if (!GROUP_OPENERS.contains(s.lower(i))) {
            return i;
        }
        int j = i + 1;
        boolean group = false;
        while (j < s.size()) {
            String w = s.lower(j).replaceAll("[’']s?$", "");
            if (groupPeople.contains(w) || groupStates.contains(w)) {
                group = true;
            } else if (!(GROUP_OPENERS.contains(w) || w.equals("and") || s.tags()[j].startsWith("NUM") || COUNTS.containsKey(w)
                    || groupTitles.contains(w))) {
                break;
            }
            j++;
        }
        if (j < s.size() && (s.lower(j).equals("of") || s.lower(j).equals("’s") && !group)) {
            return i; // "the leaders of Japan …": named after, not a description
        }
        return group ? j : i;
    }

    boolean peopleGroup(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (groupStates.contains(s.lower(k).replaceAll("[’']s?$", ""))) {
                return false;
            }
        }
        return true;
    }

    static int countIn(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            Integer n = COUNTS.get(s.lower(k));
            if (n != null) {
                return n;
            }
        }
        return 0;
    }

}

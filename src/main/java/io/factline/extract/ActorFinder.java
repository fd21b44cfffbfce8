package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.factline.extract.ExtractionData.Lexicon;
import io.factline.extract.Gazetteer.Surface;
import io.factline.extract.Gazetteer.SurfaceKind;

/** Finds the actors a sentence names, and resolves the ones it only points at, in text order. */
final class ActorFinder {

    private final Gazetteer gazetteer;
    private final Set<String> agentNouns;
    private final Set<String> agentModifiers;
    private final Set<String> titles;
    private final Map<String, String> pronouns;
    private final Set<String> groupPronouns;
    private final Map<String, String> descriptions;
    private final Set<String> jointSubjects;
    private final Map<String, List<String>> fixedGroups;
    private final Set<String> groupPeople;
    private final Set<String> groupStates;
    private final Set<String> groupTitles;
    private final ActorDiscovery discovery;

    ActorFinder(Gazetteer gazetteer, Lexicon lexicon, List<String> jointSubjects) {
        this.gazetteer = gazetteer;
        this.agentNouns = lower(lexicon.agentNouns());
        this.agentModifiers = lower(lexicon.agentModifiers());
        this.titles = Set.copyOf(lexicon.titles());
        this.pronouns = lexicon.pronouns();
        this.groupPronouns = lower(lexicon.groupPronouns());
        this.descriptions = lexicon.definiteDescriptions();
        this.jointSubjects = lower(jointSubjects);
        this.fixedGroups = new java.util.HashMap<>();
        lexicon.fixedGroups().forEach((phrase, ids) -> fixedGroups.put(phrase.toLowerCase(Locale.ROOT), ids));
        this.groupPeople = lower(lexicon.groupNouns().people());
        this.groupStates = lower(lexicon.groupNouns().states());
        this.groupTitles = lower(lexicon.groupNouns().titles());
        this.discovery = new ActorDiscovery(gazetteer, lexicon);
    }

    private static Set<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    List<Mention> find(Sentence s, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        List<Mention> named = new ArrayList<>(names(s, discourse, day));
        named.addAll(discoveredBefore(s, named, discourse));
        named.addAll(discovery.find(s, named, discourse));
        named.sort(Comparator.comparingInt(Mention::start));
        List<Mention> all = new ArrayList<>(named);
        for (int i = 0; i < s.size(); i++) {
            int at = s.tokenStarts()[i];
            if (covered(all, at)) {
                continue;
            }
            String w = s.lower(i);
            String gender = pronouns.get(w);
            if (gender != null && s.tags()[i].startsWith("PRON")) {
                add(all, at, s.tokenEnds()[i], discourse.person(gender), Mention.Via.PRONOUN);
            } else if (groupPronouns.contains(w) && isClauseStart(s, i) && i + 1 < s.size() && s.isVerb(i + 1)) {
                add(all, at, s.tokenEnds()[i], discourse.group(), Mention.Via.PRONOUN);
            } else if (discourse.speaker() != null && s.words()[i].equals("President") && i > 0
                    && (s.lower(i - 1).equals("the") || s.lower(i - 1).equals("mr.")) && (i + 1 >= s.size() || !s.tags()[i + 1].startsWith("PROPN"))) {
                add(all, at, s.tokenEnds()[i], interlocutor(discourse, day), Mention.Via.DESCRIPTION); // "the President and I"
            } else if (w.equals("i") && s.words()[i].equals("I") && (discourse.speaker() != null || discourse.author() != null)) {
                add(all, at, s.tokenEnds()[i], List.of(discourse.speaker() != null ? discourse.speaker() : discourse.author()),
                        Mention.Via.PRONOUN);
            } else if (w.equals("we") && !s.words()[i].equals("WE")) {
                int end = appositiveLeaders(s, i, discourse, day, all);
                add(all, at, s.tokenEnds()[end], discourse.we(), Mention.Via.PRONOUN);
                i = end;
            } else if (w.equals("they") && isClauseStart(s, i)) {
                List<String> earlier = sameKindBefore(all, at, discourse);
                add(all, at, s.tokenEnds()[i], earlier.size() >= 2 ? earlier : discourse.they(), Mention.Via.PRONOUN);
            } else {
                int end = groupDescription(s, i);
                if (end > i) { // "the Leaders", "The Secretary and the Foreign Ministers", "our two nations"
                    boolean people = peopleGroup(s, i, end);
                    int count = countIn(s, i, end);
                    add(all, at, s.tokenEnds()[end - 1], group(discourse, all, at, people, count), Mention.Via.DESCRIPTION);
                    i = end - 1;
                    continue;
                }
                for (int n = 3; n >= 2; n--) { // multi-word descriptions: "the two Koreas", "the party"
                    if (i + n > s.size()) {
                        continue;
                    }
                    String phrase = text.substring(at, s.tokenEnds()[i + n - 1]).toLowerCase(Locale.ROOT);
                    List<String> group = fixedGroups.get(phrase);
                    if (group != null) {
                        add(all, at, s.tokenEnds()[i + n - 1], group, Mention.Via.NAME);
                        break;
                    }
                    if (jointSubjects.contains(phrase)) {
                        boolean people = phrase.contains("leader") || phrase.contains("president");
                        int count = phrase.contains("three") ? 3 : 2;
                        add(all, at, s.tokenEnds()[i + n - 1], group(discourse, all, at, people, count), Mention.Via.DESCRIPTION);
                        break;
                    }
                    String kind = descriptions.get(phrase);
                    if ("PARTY".equals(kind)) {
                        add(all, at, s.tokenEnds()[i + n - 1], discourse.party(), Mention.Via.DESCRIPTION);
                        break;
                    }
                }
            }
        }
        all.sort(Comparator.comparingInt(Mention::start));
        return all;
    }

    /**
     * A group description resolved: the principals, else the people (states) this sentence has named
     * before it ("Biden had a call with Yoon, and the two leaders agreed"), else the last ones named.
     */
    private List<String> group(Discourse discourse, List<Mention> before, int at, boolean people, int count) {
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

    /**
     * The person a signature line names ("Porter" at the foot of a telegram): the gazetteer's, if it
     * knows exactly one such person, else a person discovered there.
     */
    String signatory(String text, int start, int end, Discourse discourse, LocalDate day) {
        String name = text.substring(start, end).strip();
        List<String> ids = new ArrayList<>();
        for (Gazetteer.Surface surface : gazetteer.surfacesAt(name, 0, name.length())) {
            if (surface.text().length() == name.length()) {
                surface.actorIds().stream().filter(id -> gazetteer.actor(id).isPerson()).forEach(ids::add);
            }
        }
        if (ids.size() > 1 && day != null) {
            ids = ids.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        String id = ActorDiscovery.slug(name);
        if (id.isEmpty() || gazetteer.actor(id) != null) {
            return null;
        }
        int from = start + text.substring(start, end).indexOf(name);
        DiscoveredActor actor = new DiscoveredActor(id, name, io.factline.domain.ActorKind.PERSON, null, null, from, from + name.length());
        String[] parts = name.split(" ");
        discourse.discovered(actor, new ExtractionData.Actor(id, name, "PERSON", List.of(), null, parts[parts.length - 1], null,
                List.of(), List.of(), null));
        return id;
    }

    /** In a transcript, "the President": the one principal other than the speaker who is a president on the day. */
    private List<String> interlocutor(Discourse discourse, LocalDate day) {
        List<String> others = discourse.principals(true).stream().filter(id -> !id.equals(discourse.speaker()))
                .filter(id -> day == null || gazetteer.holds(id, "president", day)).toList();
        return others.size() == 1 ? others : List.of();
    }

    /** "The US, Britain and China met at Cairo, where they agreed": the states (or people) this sentence named before. */
    private static List<String> sameKindBefore(List<Mention> before, int at, Discourse discourse) {
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
    private int appositiveLeaders(Sentence s, int we, Discourse discourse, LocalDate day, List<Mention> named) {
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
    private int groupDescription(Sentence s, int i) {
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

    private boolean peopleGroup(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (groupStates.contains(s.lower(k).replaceAll("[’']s?$", ""))) {
                return false;
            }
        }
        return true;
    }

    private static int countIn(Sentence s, int from, int to) {
        for (int k = from; k < to; k++) {
            Integer n = COUNTS.get(s.lower(k));
            if (n != null) {
                return n;
            }
        }
        return 0;
    }

    private static final Set<String> CLAUSE_OPENERS = Set.of("and", "but", "so", "where", "when", "while", "as", "after",
            "before", "because", "although", "though", "if", "since", "until", "once", "whereas");
    private static final Set<String> GROUP_OPENERS = Set.of("the", "our", "both", "all", "these", "their");
    private static final Map<String, Integer> COUNTS = Map.of("two", 2, "three", 3, "both", 2, "four", 4);

    /**
     * Actors discovered earlier in the document, met again: by name, acronym, or surname (after a
     * title, or when no other person discovered shares it).
     */
    private List<Mention> discoveredBefore(Sentence s, List<Mention> named, Discourse discourse) {
        String text = s.documentText();
        List<Mention> out = new ArrayList<>();
        for (ExtractionData.Actor a : discourse.discoveredActors()) {
            List<String> surfaces = new ArrayList<>();
            surfaces.add(a.name());
            surfaces.addAll(a.aliases());
            if (a.surname() != null) {
                surfaces.add(a.surname());
            }
            for (String surface : surfaces) {
                for (int at = text.indexOf(surface, s.start()); at >= 0 && at + surface.length() <= s.end();
                     at = text.indexOf(surface, at + 1)) {
                    int end = at + surface.length();
                    boolean bounded = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                            && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                    int from = at;
                    if (bounded && !covered(named, at) && !covered(out, at)) {
                        out.add(new Mention(from, end, List.of(a.id()), surface.equals(a.surname()) ? Mention.Via.SURNAME : Mention.Via.NAME));
                    }
                }
            }
        }
        return out;
    }

    /** Words of an agent after a name: "officials", "foreign ministry", "senior". */
    boolean isAgentWord(String lower) {
        return agentNouns.contains(lower) || agentModifiers.contains(lower)
                || agentNouns.stream().anyMatch(n -> n.endsWith(" " + lower) || n.startsWith(lower + " "));
    }

    private static boolean isClauseStart(Sentence s, int i) {
        return i == 0 || s.words()[i - 1].equals(",") || s.words()[i - 1].equals(";") || s.lower(i - 1).equals("that")
                || CLAUSE_OPENERS.contains(s.lower(i - 1)) || s.tags()[i - 1].startsWith("SCONJ");
    }

    private static void add(List<Mention> all, int start, int end, List<String> ids, Mention.Via via) {
        if (!ids.isEmpty()) {
            all.add(new Mention(start, end, ids, via));
        }
    }

    private static boolean covered(List<Mention> mentions, int offset) {
        for (Mention m : mentions) {
            if (offset >= m.start() && offset < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** Names, aliases, surnames, demonyms and offices: the longest surface wins where they overlap. */
    private List<Mention> names(Sentence s, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        record Candidate(int start, int end, Surface surface) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = s.start(); i < s.end(); i++) {
            if (i > s.start() && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            for (Surface surface : gazetteer.surfacesAt(text, i, s.end())) {
                candidates.add(new Candidate(i, i + surface.text().length(), surface));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
                .thenComparingInt(Candidate::start));
        List<Mention> chosen = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (Candidate c : candidates) {
            if (taken.stream().anyMatch(t -> c.start() < t[1] && t[0] < c.end())) {
                continue;
            }
            Mention m = switch (c.surface().kind()) {
                case NAME -> new Mention(c.start(), c.end(), c.surface().actorIds(), Mention.Via.NAME);
                case SURNAME -> surname(s, c.start(), c.end(), c.surface().actorIds(), discourse, day);
                case DEMONYM -> demonym(s, c.start(), c.end(), c.surface().actorIds(), day);
                case NOT_AN_ACTOR -> null;
            };
            if (m != null) {
                chosen.add(m);
                taken.add(new int[] {m.start(), m.end()});
            } else if (c.surface().kind() == SurfaceKind.NOT_AN_ACTOR) {
                taken.add(new int[] {c.start(), c.end()}); // the longer name wins and names no one
            }
        }
        chosen.sort(Comparator.comparingInt(Mention::start));
        return chosen;
    }

    /** A bare surname counts after a title or once the person was named in full; the date settles who. */
    private Mention surname(Sentence s, int start, int end, List<String> candidates, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        if (start > 0 && text.charAt(start - 1) == '(' && end < text.length() && text.charAt(end) == ')') {
            return null; // "Secretary General of Presidency (Kim)": the office's holder, named in brackets, not a namesake
        }
        int next = s.tokenFrom(end);
        if (next < s.size() && s.tokenStarts()[next] == end + 1 && s.tags()[next].startsWith("PROPN")
                && Character.isUpperCase(s.words()[next].charAt(0))) {
            return null; // "Kim Jong-nam": a full name the gazetteer does not hold, not "Kim"
        }
        boolean titled = titleBefore(s.documentText(), s.start(), start);
        List<String> known = candidates.stream().filter(discourse::wasNamed).toList();
        List<String> pick;
        if (known.size() == 1) {
            pick = known;
        } else if (!titled && known.isEmpty()) {
            int prev = s.tokenAt(start) - 1;
            if (prev >= 0 && Character.isUpperCase(s.words()[prev].charAt(0)) && !s.tags()[prev].startsWith("PUNCT")
                    && prev > 0) {
                return null; // "Central Park": part of another name
            }
            // a bare "Park" in a 2015 story: the one namesake in office then, if exactly one
            List<String> serving = day == null ? List.of() : candidates.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
            if (serving.size() != 1) {
                return null;
            }
            pick = serving;
        } else {
            List<String> pool = known.isEmpty() ? candidates : known;
            List<String> serving = day == null ? List.of() : pool.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
            pick = serving.size() == 1 ? serving : pool.size() == 1 ? pool : List.of();
        }
        return pick.isEmpty() ? null : new Mention(start, end, pick, Mention.Via.SURNAME);
    }

    private boolean titleBefore(String text, int sentenceStart, int at) {
        String before = text.substring(Math.max(sentenceStart, at - 24), at).stripTrailing();
        for (String title : titles) {
            if (before.endsWith(title) && (before.length() == title.length()
                    || !Character.isLetter(before.charAt(before.length() - title.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "South Korean and American officials", "Chinese and Russian leaders": a demonym names its state
     * when agents follow it; "the South Korean president", with no name after, is who held the office.
     */
    private Mention demonym(Sentence s, int start, int end, List<String> stateIds, LocalDate day) {
        String text = s.documentText();
        if (start > s.start() && text.charAt(start - 1) == '-' && start - 2 >= s.start()
                && Character.isLowerCase(text.charAt(start - 2))) {
            return null; // "inter-Korean", "anti-American"
        }
        int i = s.tokenFrom(end);
        while (i < s.size()) {
            String w = s.lower(i);
            String two = i + 1 < s.size() ? w + " " + s.lower(i + 1) : "";
            if (!two.isEmpty() && agentNouns.contains(two)) {
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            int officeTokens = officeAt(s, i);
            if (officeTokens > 0) {
                if (formerBefore(s, start)) {
                    return null; // "the former American president" is neither today's holder nor the state
                }
                String office = text.substring(s.tokenStarts()[i], s.tokenEnds()[i + officeTokens - 1]);
                int after = i + officeTokens;
                boolean nameFollows = after < s.size() && Character.isUpperCase(s.words()[after].charAt(0))
                        && s.tags()[after].startsWith("PROPN");
                if (!nameFollows && day != null && stateIds.size() == 1 && !formerBefore(s, start)) {
                    var holder = gazetteer.holder(gazetteer.office(office).orElseThrow(), stateIds.get(0), day);
                    if (holder.isPresent()) {
                        return new Mention(start, s.tokenEnds()[after - 1], List.of(holder.get()), Mention.Via.OFFICE);
                    }
                }
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            if (agentNouns.contains(w)) {
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            if (!(agentModifiers.contains(w) || w.equals(",") || w.equals("-") || isDemonymWord(s, i))) {
                return null;
            }
            i++;
        }
        return null;
    }

    /** How many tokens from i name an office ("Secretary of State": 3), or 0. */
    private int officeAt(Sentence s, int i) {
        for (int n = Math.min(gazetteer.longestOfficePhrase() + 2, s.size() - i); n >= 1; n--) {
            String phrase = s.documentText().substring(s.tokenStarts()[i], s.tokenEnds()[i + n - 1]);
            if (gazetteer.office(phrase).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    /** "the former American president", "the late South Korean leader": not who held it then. */
    private static boolean formerBefore(Sentence s, int start) {
        int tok = s.tokenAt(start);
        if (tok <= 0) {
            return false;
        }
        String w = s.lower(tok - 1);
        return w.equals("former") || w.equals("late") || w.equals("ex") || w.equals("then-former");
    }

    private boolean isDemonymWord(Sentence s, int i) {
        String text = s.documentText();
        return gazetteer.surfacesAt(text, s.tokenStarts()[i], s.end()).stream()
                .anyMatch(x -> x.kind() == SurfaceKind.DEMONYM)
                || s.words()[i].equals("South") || s.words()[i].equals("North") || s.words()[i].equals("Korean");
    }
}

package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.factline.domain.FactDate;

/**
 * What the text has said so far, for light coreference and dates: the people, states and parties
 * mentioned most recently, who spoke last, what the last sentence was about, and the narrative
 * date that undated sentences inherit.
 */
final class Discourse {

    private final Gazetteer gazetteer;
    private final List<String> persons = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final Set<String> named = new HashSet<>();
    private String lastParty;
    private List<String> lastSpeakers = List.of();
    private int sentence;
    private int lastSpokeAt = -10;
    private String lastGroupSubject;
    private List<String> lastJointStates = List.of();
    private List<String> lastJointActors = List.of();
    private FactDate narrativeDate;
    private List<String> paragraphTopics = List.of();
    private Set<String> paragraphTopicActors = Set.of();
    private final LocalDate documentDate;

    Discourse(Gazetteer gazetteer, LocalDate documentDate) {
        this.gazetteer = gazetteer;
        this.documentDate = documentDate;
    }

    /** The date relative expressions are resolved against. */
    LocalDate reference() {
        if (documentDate != null) {
            return documentDate; // "last week" in a report counts from the day it was published
        }
        return narrativeDate != null ? narrativeDate.start() : null;
    }

    FactDate narrativeDate() {
        return narrativeDate;
    }

    void narrativeDate(FactDate date) {
        this.narrativeDate = date;
    }

    boolean wasNamed(String personId) {
        return named.contains(personId);
    }

    /** Records the sentence's mentions, in text order. */
    void saw(List<Mention> mentions) {
        boolean first = true;
        for (Mention m : mentions) {
            for (String id : m.actorIds()) {
                ExtractionData.Actor a = gazetteer.actor(id);
                if (a == null) {
                    continue;
                }
                if (m.via() == Mention.Via.NAME || m.via() == Mention.Via.SURNAME || m.via() == Mention.Via.OFFICE) {
                    named.add(id);
                }
                if (a.isPerson()) {
                    touch(persons, id);
                } else if (a.isState()) {
                    touch(states, id);
                } else if ("PARTY".equals(a.kind())) {
                    lastParty = id;
                }
                if (first && !a.isPerson()) {
                    lastGroupSubject = id;
                }
            }
            first = false;
        }
    }

    /** A new paragraph: what the last one was about no longer carries over. */
    void newParagraph() {
        paragraphTopics = List.of();
        paragraphTopicActors = Set.of();
    }

    /**
     * The topics of the paragraph's last fact that named some, for a fact whose own words name none
     * and that shares an actor with it ("He said the outcome was better than expected").
     */
    List<String> paragraphTopics(List<String> actorIds) {
        return actorIds.stream().anyMatch(paragraphTopicActors::contains) ? paragraphTopics : List.of();
    }

    void paragraphTopics(List<String> topics, List<String> actorIds) {
        if (!topics.isEmpty()) {
            paragraphTopics = List.copyOf(topics);
            paragraphTopicActors = Set.copyOf(actorIds);
        }
    }

    void spoke(List<String> speakers) {
        lastSpeakers = List.copyOf(speakers);
        lastSpokeAt = sentence;
    }

    /** Moves on to the next sentence. */
    void next() {
        sentence++;
    }

    private static void touch(List<String> recent, String id) {
        recent.remove(id);
        recent.add(0, id);
    }

    /** "he", "she": the speaker of the sentence before, if of that gender, else the most recent person of it. */
    List<String> person(String gender) {
        for (String id : sentence - lastSpokeAt <= 1 ? lastSpeakers : List.<String>of()) {
            ExtractionData.Actor a = gazetteer.actor(id);
            if (a != null && a.isPerson() && gender.equals(a.gender())) {
                return List.of(id);
            }
        }
        return persons.stream().filter(id -> gender.equals(gazetteer.actor(id).gender())).findFirst().map(List::of)
                .orElse(List.of());
    }

    /** "it" as a subject: the organisation, party or state the last sentences were about. */
    List<String> group() {
        return lastGroupSubject == null ? List.of() : List.of(lastGroupSubject);
    }

    List<String> party() {
        return lastParty == null ? List.of() : List.of(lastParty);
    }

    void jointParties(List<String> actors, List<String> states) {
        if (states.size() >= 2) {
            lastJointStates = List.copyOf(states);
        }
        if (actors.size() >= 2) {
            lastJointActors = List.copyOf(actors);
        }
    }

    /** "they" as a subject: the parties of the last agreement or meeting. */
    List<String> they() {
        return lastJointActors;
    }

    /**
     * "the two leaders", "the three leaders": the last two (three) people; "both sides", "the
     * allies": the states of the last agreement or meeting, else the last two (three) states.
     */
    List<String> group(boolean people, int count) {
        if (!people && lastJointStates.size() == count) {
            return lastJointStates;
        }
        List<String> recent = people ? persons : states;
        return recent.size() < count ? List.of() : List.copyOf(recent.subList(0, count));
    }
}

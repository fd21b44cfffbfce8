package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.factline.domain.FactDate;

/**
 * What the text has said so far, for coreference and dates: the people, states and parties
 * mentioned most recently, who spoke last, the principals (those who met or act together: "they",
 * "we", "the Leaders"), the speaker of a transcript's turn, actors discovered in this document, and
 * the narrative date that undated sentences inherit.
 */
final class Discourse {

    private final Gazetteer gazetteer;
    private final List<String> persons = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final Set<String> named = new HashSet<>();
    private final Map<String, DiscoveredActor> discovered = new LinkedHashMap<>();
    private final Map<String, ExtractionData.Actor> discoveredActors = new LinkedHashMap<>();
    private String lastParty;
    private List<String> lastSpeakers = List.of();
    private int sentence;
    private int lastSpokeAt = -10;
    private String lastGroupSubject;
    private List<String> lastJointActors = List.of();
    private final Set<String> principals = new LinkedHashSet<>();
    private String speaker;
    private String author;
    private boolean principalsNamed;
    private FactDate narrativeDate;
    private List<String> paragraphTopics = List.of();
    private final Set<io.factline.domain.FactType> paragraphFacts = new HashSet<>();
    private Set<String> paragraphTopicActors = Set.of();
    private final LocalDate documentDate;
    private final String documentKey;

    Discourse(Gazetteer gazetteer, LocalDate documentDate) {
        this(gazetteer, documentDate, "");
    }

    Discourse(Gazetteer gazetteer, LocalDate documentDate, String documentKey) {
        this.gazetteer = gazetteer;
        this.documentDate = documentDate;
        this.documentKey = documentKey;
    }

    /**
     * The id of a discovered actor: the slug of its name; for a person known only by one name ("Ambassador
     * Porter", "(Kim)") qualified by the document, as nothing says two documents' Kims are one.
     */
    String discoveredId(String slug, boolean singleName) {
        return singleName && !documentKey.isEmpty() ? slug + "-" + documentKey : slug;
    }

    /** The date relative expressions are resolved against: the document's, else the story's. */
    LocalDate reference() {
        if (documentDate != null) {
            return documentDate;
        }
        return narrativeDate != null ? narrativeDate.start() : null;
    }

    LocalDate documentDate() {
        return documentDate;
    }

    FactDate narrativeDate() {
        return narrativeDate;
    }

    void narrativeDate(FactDate date) {
        this.narrativeDate = date;
    }

    /** An actor of the gazetteer, one discovered in this document, or one known from an earlier document. */
    ExtractionData.Actor actor(String id) {
        ExtractionData.Actor a = gazetteer.actor(id);
        return a != null ? a : discoveredActors.get(id);
    }

    /** The side an actor stands for: a state itself, a person or body their state where known, anyone else themselves. */
    String sideOf(String id) {
        ExtractionData.Actor d = discoveredActors.get(id);
        if (d != null) {
            return d.state() != null ? d.state() : id;
        }
        return gazetteer.sideOf(id);
    }

    void discovered(DiscoveredActor actor, ExtractionData.Actor asActor) {
        discovered.putIfAbsent(actor.id(), actor);
        discoveredActors.putIfAbsent(actor.id(), asActor);
    }

    /** An actor an earlier document discovered: met again by name, but no discovery of this document. */
    void known(ExtractionData.Actor actor) {
        discoveredActors.putIfAbsent(actor.id(), actor);
    }

    boolean isDiscovered(String id) {
        return discovered.containsKey(id);
    }

    /** The discovered actors among these ids, as first found. */
    List<DiscoveredActor> discoveredAmong(List<String> ids) {
        return ids.stream().filter(discovered::containsKey).map(discovered::get).toList();
    }

    /** Actors discovered in this document so far or known from earlier ones (for names met again: "MSMT", "Brunson"). */
    Iterable<ExtractionData.Actor> discoveredActors() {
        return discoveredActors.values();
    }

    boolean wasNamed(String personId) {
        return named.contains(personId);
    }

    /** Records the sentence's mentions, in text order. */
    void saw(List<Mention> mentions) {
        boolean first = true;
        for (Mention m : mentions) {
            for (String id : m.actorIds()) {
                ExtractionData.Actor a = actor(id);
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
                if (!a.isPerson() && !a.isState()) {
                    touch(bodies, id);
                }
            }
            first = false;
        }
    }

    /** Whether the paragraph has already stated a fact of the type (a definite "the call" refers back to it). */
    boolean factInParagraph(io.factline.domain.FactType type) {
        return paragraphFacts.contains(type);
    }

    void stated(io.factline.domain.FactType type) {
        paragraphFacts.add(type);
    }

    /** A new paragraph: what the last one was about no longer carries over. */
    void newParagraph() {
        paragraphFacts.clear();
        paragraphTopics = List.of();
        paragraphTopicActors = Set.of();
    }

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

    /** The document's author, from its signature (a telegram's "Porter"): who "I" is outside a transcript. */
    String author() {
        return author;
    }

    void author(String id) {
        this.author = id;
    }

    /** The speaker of the transcript's current turn ("PRESIDENT YOON: …"), or null. */
    String speaker() {
        return speaker;
    }

    void speaker(String id) {
        this.speaker = id;
        if (id != null) {
            principals.add(id);
        }
    }

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
            ExtractionData.Actor a = actor(id);
            if (a != null && a.isPerson() && gender.equals(a.gender())) {
                return List.of(id);
            }
        }
        return persons.stream().filter(id -> gender.equals(actor(id).gender())).findFirst().map(List::of).orElse(List.of());
    }

    /** "the Council" after "the Security Council": the body named last whose name ends in that word. */
    java.util.Optional<String> bodyEndingIn(String head) {
        return bodies.stream().filter(id -> {
            String name = actor(id).name();
            return name.endsWith(" " + head);
        }).findFirst();
    }

    /** "it" as a subject: the organisation, party or state the last sentences were about. */
    List<String> group() {
        return lastGroupSubject == null ? List.of() : List.of(lastGroupSubject);
    }

    List<String> party() {
        return lastParty == null ? List.of() : List.of(lastParty);
    }

    /** Those who met or acted together last: the first such group also becomes the text's principals. */
    void jointActors(List<String> actors) {
        if (actors.size() >= 2) {
            lastJointActors = List.copyOf(actors);
            if (principals.size() < 2) {
                principals.addAll(actors);
            }
        }
    }

    /** "we, the leaders of Japan, the ROK and the United States": the principals named at once. */
    void principals(List<String> actors) {
        if (!actors.isEmpty()) {
            principals.clear();
            principals.addAll(actors);
            principalsNamed = true;
        }
    }

    /** The text's principals: the people who act together in it, or (for "the three countries") their states. */
    List<String> principals(boolean people) {
        List<String> out = new ArrayList<>();
        for (String id : principals) {
            ExtractionData.Actor a = actor(id);
            boolean person = a != null && a.isPerson();
            String item = people || !person ? id : sideOf(id); // a state among the principals stands for its envoy
            if (!out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** "they" as a subject: those who acted together last, else the principals. */
    List<String> they() {
        return !lastJointActors.isEmpty() ? lastJointActors : List.copyOf(principals);
    }

    /** "we": in a transcript the speaker and those they speak with; in a joint statement its principals. */
    List<String> we() {
        if (principals.isEmpty() && speaker != null) {
            return List.of(speaker);
        }
        if (speaker != null || principalsNamed || lastJointActors.isEmpty()) {
            return List.copyOf(principals);
        }
        return lastJointActors;
    }

    /**
     * "the two leaders", "the three leaders": the principals or the last two (three) people; "both
     * sides", "the allies": the principals' states, else the last two (three) states.
     */
    List<String> group(boolean people, int count) {
        List<String> fromPrincipals = principals(people);
        if (fromPrincipals.size() >= 2 && (count <= 0 || fromPrincipals.size() == count)) {
            return fromPrincipals;
        }
        if (count <= 0) {
            return List.of();
        }
        List<String> recent = people ? persons : states;
        return recent.size() < count ? List.of() : List.copyOf(recent.subList(0, count));
    }
}

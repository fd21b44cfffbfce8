package io.factline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.factline.domain.FactType;

/**
 * The extractor's knowledge, all of it data: the actor gazetteer (shared with the reference data the
 * service registers), offices and who held them when, trigger words, structural word lists and the
 * topic dictionary. Read from classpath resources bundled with the code; nothing is fetched.
 */
public record ExtractionData(List<Actor> actors, Offices offices, TriggerData triggers, Lexicon lexicon, List<Topic> topics) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String id, String name, String kind, List<String> aliases, String wikidataId, String surname,
                        String gender, List<String> members, List<String> demonyms, String state, Boolean collective) {
        public Actor {
            aliases = aliases == null ? List.of() : aliases;
            members = members == null ? List.of() : members;
            demonyms = demonyms == null ? List.of() : demonyms;
        }

        boolean isPerson() {
            return "PERSON".equals(kind);
        }

        boolean isState() {
            return "STATE".equals(kind);
        }

        /** A body of many members (the Security Council, ASEAN): what it decides, its members decide together. */
        boolean isCollective() {
            return Boolean.TRUE.equals(collective);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(String office, String of, String holder, LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offices(Map<String, List<String>> offices, List<Term> terms) {
    }

    /**
     * A trigger verb of one fact type: its lemma (a second word, as in "call on", must follow), its
     * event codes, and when it counts: {@code when} "joint" (two or more sides) or "alone" (one
     * side), a word it needs near it, words it must not be followed by, and whether it is a purchase
     * that counts as a deal even when announced as future ({@code deal}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trigger(String lemma, String cameo, String plover, String mode, String when,
                          List<String> needsObject, List<String> notBefore, Boolean deal, Boolean passive) {
        public Trigger {
            needsObject = needsObject == null ? List.of() : needsObject;
            notBefore = notBefore == null ? List.of() : notBefore;
        }

        boolean joint() {
            return "joint".equals(when);
        }

        boolean alone() {
            return "alone".equals(when);
        }

        boolean isDeal() {
            return Boolean.TRUE.equals(deal);
        }

        /** Whether a passive use with no agent ("was launched") is still the act of the clause's actors. */
        boolean passiveActs() {
            return Boolean.TRUE.equals(passive);
        }
    }

    /** An event named by a noun phrase ("summit", "joint statement"), with its codes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventNoun(String noun, String cameo, String plover, String mode) {
    }

    /** A type's own event codes, for facts no trigger word codes (a transcript's statement, a joint commitment). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Codes(String cameo, String plover, String mode) {
    }

    /** One fact type's triggers: its codes, verbs, event nouns, and objects that make a statement verb a joint act. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TypeTriggers(Codes codes, List<Trigger> verbs, List<EventNoun> nouns, List<String> jointObjects) {
        public TypeTriggers {
            codes = codes == null ? new Codes(null, null, null) : codes;
            verbs = verbs == null ? List.of() : verbs;
            nouns = nouns == null ? List.of() : nouns;
            jointObjects = jointObjects == null ? List.of() : jointObjects;
        }
    }

    /** Trigger data keyed by fact type (extract/triggers.json), and the words around triggers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TriggerData(Map<FactType, TypeTriggers> types, List<String> governorPrepositions, List<String> governorVerbs,
                           List<String> jointSubjects, List<String> targetMarkers) {
        public TypeTriggers of(FactType type) {
            return types.getOrDefault(type, new TypeTriggers(null, null, null, null));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lexicon(List<String> agentNouns, List<String> agentModifiers, List<String> boilerplate,
                          Map<String, String> pronouns, List<String> groupPronouns, Map<String, String> definiteDescriptions,
                          List<String> sentenceStarters, List<String> abbreviations, List<String> nonEpisodic,
                          List<String> titles, java.util.Map<String, String> irregularVerbs,
                          Map<String, List<String>> fixedGroups, List<String> notActors, ClauseWords clauseWords,
                          GroupNouns groupNouns, Discovery discovery) {
    }

    /** Words that end the names of bodies and companies, and capitalized words that are no names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Discovery(List<String> organisationEndings, List<String> notNames, List<String> officeWords,
                            List<String> notSignatures) {
    }

    /** Nouns and titles that describe a text's principals ("the Leaders", "our two nations"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupNouns(List<String> people, List<String> states, List<String> titles, Set<String> jointAdjectives) {
    }

    /** Function words the clause analyser reads (see lexicon.json). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClauseWords(Set<String> modal, Set<String> future, Set<String> negation, Set<String> relative,
                              Set<String> temporal, Set<String> conditional, Set<String> concessive,
                              Set<String> prepositional, Set<String> coordinators, Set<String> actingAdjectives,
                              Set<String> contentNouns, Set<String> speech, Set<String> notVerbs,
                              Set<String> statePassives) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topic(String id, String name, List<String> keywords, List<String> sides) {
        public Topic {
            keywords = keywords == null ? List.of() : keywords;
            sides = sides == null ? List.of() : sides;
        }
    }

    /** The data shipped with factline. */
    public static ExtractionData bundled() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ExtractionData(
                List.of(read(json, "reference/actors.json", Actor[].class)),
                read(json, "extract/offices.json", Offices.class),
                read(json, "extract/triggers.json", TriggerData.class),
                read(json, "extract/lexicon.json", Lexicon.class),
                List.of(read(json, "reference/topics.json", Topic[].class)));
    }

    private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = ExtractionData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("extraction data " + resource + " is not on the classpath");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extraction data " + resource, e);
        }
    }
}

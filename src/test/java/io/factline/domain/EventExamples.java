package io.factline.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.factline.domain.DomainEvent.ActorAliasAdded;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactCorrected;
import io.factline.domain.DomainEvent.FactCorroborated;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.DomainEvent.FactRetracted;
import io.factline.domain.DomainEvent.TopicDefined;

/**
 * One fixed example of every event type, twice: in full (every field set, the optional and nested
 * ones too) and minimal (only what the record requires, as events written before the optional fields
 * existed hold). The approved files under {@code src/test/resources/events} are their JSON.
 */
final class EventExamples {

    private static final UUID DOCUMENT = UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");
    private static final UUID FACT = UUID.fromString("0d9b8a7c-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    /** A text with a line break, quotes and letters beyond ASCII, so that their encoding is pinned too. */
    private static final String TEXT = "Seoul, May 21 — President Biden hosted President Moon Jae-in (문재인) at the"
            + " White House.\n\"We agreed to deepen the alliance,\" Moon said.";
    private static final SourceRef HOSTED = passage("President Biden hosted President Moon Jae-in", 0.9);
    private static final SourceRef AGREED = passage("We agreed to deepen the alliance", 0.75);
    private static final FactContent CONTENT = new FactContent(FactType.MEETING,
            FactDate.parse("2021-05", null, "in May 2021"),
            List.of(new FactActor("joe-biden", Role.HOST), new FactActor("moon-jae-in", Role.VISITOR)),
            List.of("alliance", "summit"), "Biden hosted Moon at the White House.", List.of(HOSTED),
            new Extraction("rules-7", "043", "CONSULT:visit", FactDate.parse("2022", null, "by 2022")));
    private static final FactContent BARE_CONTENT =
            new FactContent(FactType.STATEMENT, FactDate.unknown(null), List.of(), null, null, List.of(), null);

    private static final Map<Class<? extends DomainEvent>, DomainEvent> FULL = byType(
            new DocumentIngested(DOCUMENT, "sha256:9f2c4e", "text/html", "Biden hosts Moon", "Yonhap",
                    "May 21, 2021", LocalDate.of(2021, 5, 21), "https://example.org/biden-moon", TEXT),
            new FactExtracted(FACT, DOCUMENT, "rules-7", CONTENT),
            new FactAsserted(FACT, CONTENT, "from the wire"),
            new FactCorrected(FACT, new FactChanges(FactType.AGREEMENT,
                    FactDate.day(LocalDate.of(2021, 5, 21), "on May 21"),
                    List.of(new FactActor("joe-biden", Role.PARTY), new FactActor("moon-jae-in", Role.PARTY)),
                    List.of("alliance"), "Biden and Moon agreed to deepen the alliance.", List.of(HOSTED, AGREED)),
                    "an agreement, not only a visit"),
            new FactRetracted(FACT, "a duplicate of another fact"),
            new FactCorroborated(FACT, AGREED),
            new ActorRegistered("moon-jae-in", "Moon Jae-in", ActorKind.PERSON, List.of("Moon", "문재인"), "Q21001",
                    "President of South Korea", true, "south-korea",
                    new ActorMention(DOCUMENT, "Moon Jae-in", TEXT.indexOf("Moon Jae-in"),
                            TEXT.indexOf("Moon Jae-in") + "Moon Jae-in".length())),
            new ActorAliasAdded("south-korea", "ROK"),
            new TopicDefined("alliance", "Alliance", "The alliance of the United States and South Korea"));

    private static final Map<Class<? extends DomainEvent>, DomainEvent> MINIMAL = byType(
            new DocumentIngested(DOCUMENT, null, null, null, null, null, null, null, TEXT),
            new FactExtracted(FACT, DOCUMENT, null, BARE_CONTENT),
            new FactAsserted(FACT, BARE_CONTENT, null),
            new FactCorrected(FACT, new FactChanges(null, null, null, null, "Biden hosted Moon.", null), null),
            new FactRetracted(FACT, null),
            new FactCorroborated(FACT, AGREED),
            new ActorRegistered("south-korea", "South Korea", ActorKind.STATE, List.of(), null, null),
            new ActorAliasAdded("south-korea", "ROK"),
            new TopicDefined("alliance", "Alliance", null));

    private EventExamples() {
    }

    /** The concrete event types, from the sealed interface: a new one is a type without examples. */
    static List<Class<? extends DomainEvent>> types() {
        List<Class<? extends DomainEvent>> types = new ArrayList<>();
        collect(DomainEvent.class, types);
        return types;
    }

    static DomainEvent full(Class<? extends DomainEvent> type) {
        return example(FULL, type);
    }

    /** Equal to the full example when the type has no optional field. */
    static DomainEvent minimal(Class<? extends DomainEvent> type) {
        return example(MINIMAL, type);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type, List<Class<? extends DomainEvent>> into) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, into);
            }
        } else {
            into.add((Class<? extends DomainEvent>) type);
        }
    }

    private static DomainEvent example(Map<Class<? extends DomainEvent>, DomainEvent> examples,
                                       Class<? extends DomainEvent> type) {
        DomainEvent example = examples.get(type);
        if (example == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no example in EventExamples; add a full and"
                    + " a minimal one");
        }
        return example;
    }

    private static SourceRef passage(String quote, double confidence) {
        int start = TEXT.indexOf(quote);
        return new SourceRef(DOCUMENT, quote, start, start + quote.length(), confidence);
    }

    private static Map<Class<? extends DomainEvent>, DomainEvent> byType(DomainEvent... events) {
        return Stream.of(events).collect(Collectors.toUnmodifiableMap(DomainEvent::getClass, Function.identity()));
    }
}

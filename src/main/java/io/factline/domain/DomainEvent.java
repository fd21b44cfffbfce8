package io.factline.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything factline records. The log stores each as JSON under its type name (the record's simple
 * name) with a schema version; see {@link EventCodec}. Fields may be added (old events read them as
 * null); any other change to a payload's shape needs a new schema version and an upcaster.
 */
public sealed interface DomainEvent {

    /** The stream the event belongs to. */
    String streamId();

    record DocumentIngested(UUID documentId, String contentHash, String mediaType, String title, String publisher,
                            String published, LocalDate publishedDate, String url, String text) implements DomainEvent {
        public DocumentIngested {
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String streamId() {
            return Streams.document(documentId);
        }
    }

    record FactExtracted(UUID factId, UUID documentId, String extractorVersion, FactContent content) implements FactEvent {
    }

    record FactAsserted(UUID factId, FactContent content, String note) implements FactEvent {
    }

    record FactCorrected(UUID factId, FactChanges changes, String reason) implements FactEvent {
    }

    record FactRetracted(UUID factId, String reason) implements FactEvent {
    }

    /** Another source states a fact already known. */
    record FactCorroborated(UUID factId, SourceRef source) implements FactEvent {
    }

    /**
     * An actor in the dictionary. {@code discovered}: found by the extractor in a document rather than
     * listed in the reference data, with the {@code mention} it was found at and the state it
     * {@code actsFor} where the text says so (fields added later: older events read them as null).
     */
    record ActorRegistered(String actorId, String name, ActorKind kind, List<String> aliases, String wikidataId,
                           String description, Boolean discovered, String actsFor, ActorMention mention) implements DomainEvent {
        public ActorRegistered {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public ActorRegistered(String actorId, String name, ActorKind kind, List<String> aliases, String wikidataId,
                               String description) {
            this(actorId, name, kind, aliases, wikidataId, description, null, null, null);
        }

        /** Named so that no JSON mapper takes it for a property: the stored field stays as written. */
        public boolean discoveredByExtractor() {
            return Boolean.TRUE.equals(discovered);
        }

        @Override
        public String streamId() {
            return Streams.actor(actorId);
        }
    }

    record ActorAliasAdded(String actorId, String alias) implements DomainEvent {
        @Override
        public String streamId() {
            return Streams.actor(actorId);
        }
    }

    record TopicDefined(String topicId, String name, String description) implements DomainEvent {
        @Override
        public String streamId() {
            return Streams.topic(topicId);
        }
    }

    /** The events of a fact's own stream. */
    sealed interface FactEvent extends DomainEvent
            permits FactExtracted, FactAsserted, FactCorrected, FactRetracted, FactCorroborated {
        UUID factId();

        @Override
        default String streamId() {
            return Streams.fact(factId());
        }
    }
}

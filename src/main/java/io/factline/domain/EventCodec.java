package io.factline.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns domain events into the log's JSON and back. Each type has a current schema version; an
 * event stored under an older version is upcast, step by step, before it is read. An event of an
 * unknown type, or of a version newer than this code knows, is refused rather than misread.
 */
public final class EventCodec {

    /** The JSON form of an event: what the log stores. */
    public record Encoded(String type, int schemaVersion, String payloadJson) {
    }

    /** One step in the history of a type's payload: makes its JSON at version {@code from} that of {@code from + 1}. */
    public record Upcaster(Class<? extends DomainEvent> type, int from, UnaryOperator<ObjectNode> step) {
    }

    /**
     * The upcasters of the log. A type's current schema version is one more than the number of its
     * upcasters, which run from v1 without a gap: an incompatible change to a payload adds the step
     * from the type's current version, and the version follows. None yet, so every type is at v1.
     */
    static final List<Upcaster> UPCASTERS = List.of();

    private static final List<Class<? extends DomainEvent>> TYPES = List.of(
            DomainEvent.DocumentIngested.class, DomainEvent.FactExtracted.class, DomainEvent.FactAsserted.class,
            DomainEvent.FactCorrected.class, DomainEvent.FactRetracted.class, DomainEvent.FactCorroborated.class,
            DomainEvent.ActorRegistered.class, DomainEvent.ActorAliasAdded.class, DomainEvent.TopicDefined.class);

    /** A type as the log knows it; {@code steps.get(i)} upcasts version i + 1. */
    private record Kind(Class<? extends DomainEvent> type, List<UnaryOperator<ObjectNode>> steps) {
        int currentVersion() {
            return steps.size() + 1;
        }
    }

    private final Map<String, Kind> kinds = new HashMap<>();

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public EventCodec() {
        this(UPCASTERS);
    }

    /** A codec with other upcasters than the log's: for the tests of the mechanism. */
    EventCodec(List<Upcaster> upcasters) {
        for (Class<? extends DomainEvent> type : TYPES) {
            kinds.put(type.getSimpleName(), new Kind(type, new ArrayList<>()));
        }
        for (Upcaster upcaster : upcasters.stream().sorted(Comparator.comparingInt(Upcaster::from)).toList()) {
            Kind kind = kinds.get(upcaster.type().getSimpleName());
            if (kind == null || upcaster.from() != kind.currentVersion()) {
                throw new IllegalArgumentException("an upcaster of " + upcaster.type().getSimpleName() + " from v"
                        + upcaster.from() + " does not follow: a type has one per version from v1 on, without a gap");
            }
            kind.steps().add(upcaster.step());
        }
    }

    public Encoded encode(DomainEvent event) {
        Kind kind = kinds.get(typeName(event));
        try {
            return new Encoded(typeName(event), kind.currentVersion(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + typeName(event), e);
        }
    }

    public DomainEvent decode(String type, int schemaVersion, String payloadJson) {
        Kind kind = kinds.get(type);
        if (kind == null) {
            throw new UnreadableEventException("unknown event type " + type);
        }
        if (schemaVersion > kind.currentVersion()) {
            throw new UnreadableEventException(type + " v" + schemaVersion + " is newer than this code (v"
                    + kind.currentVersion() + "); upgrade factline before reading this log");
        }
        if (schemaVersion < 1) {
            throw new UnreadableEventException(type + " has no schema version " + schemaVersion);
        }
        try {
            if (schemaVersion == kind.currentVersion()) {
                return json.readValue(payloadJson, kind.type());
            }
            ObjectNode node = (ObjectNode) json.readTree(payloadJson);
            for (int v = schemaVersion; v < kind.currentVersion(); v++) {
                node = kind.steps().get(v - 1).apply(node);
            }
            return json.treeToValue(node, kind.type());
        } catch (JsonProcessingException | ClassCastException | InvalidFactException e) {
            throw new UnreadableEventException("cannot read " + type + " v" + schemaVersion + ": " + e.getMessage());
        }
    }

    public String encodeMetadata(EventMetadata metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public EventMetadata decodeMetadata(String metadataJson) {
        try {
            return json.readValue(metadataJson, EventMetadata.class);
        } catch (JsonProcessingException e) {
            return new EventMetadata(null, null, null);
        }
    }

    public static String typeName(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    /** The log holds an event this code cannot read; nothing guesses at its meaning. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}

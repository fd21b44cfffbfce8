package io.factline.domain;

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

    private record Kind(Class<? extends DomainEvent> type, int currentVersion) {
    }

    private static final Map<String, Kind> KINDS = new HashMap<>();
    /** (type, version it upgrades from) → step to version + 1. */
    private static final Map<String, Map<Integer, UnaryOperator<ObjectNode>>> UPCASTERS = new HashMap<>();

    static {
        for (Class<? extends DomainEvent> type : List.of(
                DomainEvent.DocumentIngested.class, DomainEvent.FactExtracted.class, DomainEvent.FactAsserted.class,
                DomainEvent.FactCorrected.class, DomainEvent.FactRetracted.class, DomainEvent.FactCorroborated.class,
                DomainEvent.ActorRegistered.class, DomainEvent.ActorAliasAdded.class, DomainEvent.TopicDefined.class)) {
            KINDS.put(type.getSimpleName(), new Kind(type, 1));
        }
    }

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public Encoded encode(DomainEvent event) {
        Kind kind = KINDS.get(typeName(event));
        try {
            return new Encoded(typeName(event), kind.currentVersion(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + typeName(event), e);
        }
    }

    public DomainEvent decode(String type, int schemaVersion, String payloadJson) {
        Kind kind = KINDS.get(type);
        if (kind == null) {
            throw new UnreadableEventException("unknown event type " + type);
        }
        if (schemaVersion > kind.currentVersion()) {
            throw new UnreadableEventException(type + " v" + schemaVersion + " is newer than this code (v"
                    + kind.currentVersion() + "); upgrade factline before reading this log");
        }
        try {
            if (schemaVersion == kind.currentVersion()) {
                return json.readValue(payloadJson, kind.type());
            }
            ObjectNode node = (ObjectNode) json.readTree(payloadJson);
            for (int v = schemaVersion; v < kind.currentVersion(); v++) {
                UnaryOperator<ObjectNode> step = UPCASTERS.getOrDefault(type, Map.of()).get(v);
                if (step == null) {
                    throw new UnreadableEventException("no upcaster for " + type + " v" + v);
                }
                node = step.apply(node);
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

    public static String typeName(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }

    /** The log holds an event this code cannot read; nothing guesses at its meaning. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}

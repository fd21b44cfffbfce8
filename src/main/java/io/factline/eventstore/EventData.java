package io.factline.eventstore;

import java.util.Objects;

/** An event to append: its type, the version of its payload's schema, and its payload as JSON. */
public record EventData(String type, int schemaVersion, String payloadJson) {

    public EventData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payload");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type is blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version starts at 1: " + schemaVersion);
        }
    }
}

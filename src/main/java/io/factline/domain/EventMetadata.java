package io.factline.domain;

/**
 * Who caused an event and in answer to what: {@code by} is the subject (a user, a service, or
 * "system:seed"), {@code via} the entry point (rest, graphql, startup), {@code correlationId} ties
 * together the events of one request.
 */
public record EventMetadata(String by, String via, String correlationId) {

    public static EventMetadata system(String what) {
        return new EventMetadata("system:" + what, "startup", java.util.UUID.randomUUID().toString());
    }
}

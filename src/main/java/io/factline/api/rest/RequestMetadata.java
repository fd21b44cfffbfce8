package io.factline.api.rest;

import java.util.UUID;

import io.factline.domain.EventMetadata;

/** Who and what caused the events a request appends, recorded in their metadata. */
final class RequestMetadata {

    private RequestMetadata() {
    }

    static EventMetadata of(String correlationHeader) {
        String correlation = correlationHeader != null && correlationHeader.matches("[A-Za-z0-9._:-]{1,100}")
                ? correlationHeader : UUID.randomUUID().toString();
        return new EventMetadata("anonymous", "rest", correlation);
    }
}

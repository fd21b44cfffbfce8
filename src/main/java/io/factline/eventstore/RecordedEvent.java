package io.factline.eventstore;

import java.time.OffsetDateTime;

/** An event as stored in the log. */
public record RecordedEvent(long position, String streamId, int version, String type, int schemaVersion,
                            String payloadJson, String metadataJson, OffsetDateTime recordedAt) {
}

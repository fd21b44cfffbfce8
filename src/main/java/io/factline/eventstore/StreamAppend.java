package io.factline.eventstore;

import java.util.List;
import java.util.Objects;

/** Events for one stream, appended only if the stream is at the expected version. */
public record StreamAppend(String streamId, ExpectedVersion expected, List<EventData> events) {

    public StreamAppend {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(expected, "expected");
        if (streamId.isBlank() || streamId.length() > 200) {
            throw new IllegalArgumentException("stream id must have 1 to 200 characters");
        }
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + streamId);
        }
    }

    public static StreamAppend of(String streamId, ExpectedVersion expected, EventData... events) {
        return new StreamAppend(streamId, expected, List.of(events));
    }
}

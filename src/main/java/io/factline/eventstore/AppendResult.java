package io.factline.eventstore;

import java.util.List;

/** Where the events of one append landed, in log order. */
public record AppendResult(List<Appended> events) {

    public record Appended(String streamId, int version, long position) {
    }

    public AppendResult {
        events = List.copyOf(events);
    }

    public long lastPosition() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).position();
    }

    public int versionOf(String streamId) {
        return events.stream().filter(e -> e.streamId().equals(streamId)).mapToInt(Appended::version).max()
                .orElseThrow(() -> new IllegalArgumentException("nothing was appended to " + streamId));
    }
}

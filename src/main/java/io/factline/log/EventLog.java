package io.factline.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.DomainEvent;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactEvent;
import io.factline.domain.EventCodec;
import io.factline.domain.EventMetadata;
import io.factline.domain.FactState;
import io.factline.domain.Streams;
import io.factline.eventstore.AppendResult;
import io.factline.eventstore.EventData;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.PostgresEventStore;
import io.factline.eventstore.RecordedEvent;
import io.factline.eventstore.StreamAppend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** The event log in the domain's terms: typed events in, typed events and folded states out. */
@ApplicationScoped
public class EventLog {

    /** Events for one stream, appended only if the stream is at the expected version. */
    public record Change(ExpectedVersion expected, List<DomainEvent> events) {
        public static Change of(ExpectedVersion expected, DomainEvent... events) {
            return new Change(expected, List.of(events));
        }
    }

    @Inject
    PostgresEventStore store;

    private final EventCodec codec = new EventCodec();
    @Inject
    MeterRegistry registry;

    /** Appends the changes atomically; each change's events must share one stream. */
    public Uni<AppendResult> append(EventMetadata metadata, List<Change> changes) {
        String meta = codec.encodeMetadata(metadata);
        List<StreamAppend> appends = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String stream = change.events().get(0).streamId();
            List<EventData> data = new ArrayList<>(change.events().size());
            for (DomainEvent event : change.events()) {
                if (!event.streamId().equals(stream)) {
                    throw new IllegalArgumentException("one change, one stream: " + stream + " and " + event.streamId());
                }
                EventCodec.Encoded encoded = codec.encode(event);
                data.add(new EventData(encoded.type(), encoded.schemaVersion(), encoded.payloadJson()));
            }
            appends.add(new StreamAppend(stream, change.expected(), data));
        }
        Timer.Sample sample = Timer.start(registry);
        return store.append(meta, appends)
                .onTermination().invoke((result, failure, cancelled) -> sample.stop(registry.timer("factline.append",
                        "outcome", failure == null && !cancelled ? "appended" : "refused")));
    }

    public Uni<AppendResult> append(EventMetadata metadata, Change... changes) {
        return append(metadata, List.of(changes));
    }

    public Uni<Map<String, Integer>> versions(Collection<String> streamIds) {
        return store.streamVersions(streamIds);
    }

    public Uni<List<DomainEvent>> events(String streamId) {
        return store.readStream(streamId).map(events -> events.stream()
                .map(e -> codec.decode(e.type(), e.schemaVersion(), e.payloadJson())).toList());
    }

    /** A fact as its stream leaves it, or empty if there is no such fact. */
    public Uni<Optional<FactState>> fact(UUID id) {
        return store.readStream(Streams.fact(id)).map(events -> {
            List<FactEvent> facts = new ArrayList<>(events.size());
            List<FactState.Recorded> recorded = new ArrayList<>(events.size());
            for (RecordedEvent e : events) {
                facts.add((FactEvent) codec.decode(e.type(), e.schemaVersion(), e.payloadJson()));
                recorded.add(new FactState.Recorded(e.version(), e.position(), e.recordedAt(),
                        codec.decodeMetadata(e.metadataJson()).by()));
            }
            return Optional.ofNullable(FactState.fold(facts, recorded));
        });
    }

    /** The position of the last event the views can apply now (0 for an empty log). */
    public Uni<Long> lastPosition() {
        return store.lastPosition();
    }

    /** The log position at which a stream began, or 0 if there is no such stream. */
    public Uni<Long> firstPosition(String streamId) {
        return store.readStream(streamId).map(events -> events.isEmpty() ? 0L : events.get(0).position());
    }

    /** The stored texts of these documents, in one read; documents that do not exist are absent. */
    public Uni<Map<UUID, String>> documentTexts(Collection<UUID> ids) {
        List<String> streams = ids.stream().map(Streams::document).toList();
        return events(streams).map(events -> {
            Map<UUID, String> texts = new java.util.HashMap<>();
            events.stream().filter(DocumentIngested.class::isInstance).map(DocumentIngested.class::cast)
                    .forEach(d -> texts.put(d.documentId(), d.text()));
            return texts;
        });
    }

    private Uni<List<DomainEvent>> events(List<String> streamIds) {
        return store.readStreams(streamIds).map(events -> events.stream()
                .map(e -> codec.decode(e.type(), e.schemaVersion(), e.payloadJson())).toList());
    }
}

package io.factline.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactEvent;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.EventCodec;
import io.factline.domain.FactActor;
import io.factline.domain.FactState;
import io.factline.domain.SourceRef;
import io.factline.eventstore.RecordedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies one batch of the log to the read models, inside the caller's transaction: decode, fold
 * the facts the batch touches onto their projected state, and write the difference.
 */
final class BatchProjection {

    private final EventCodec codec;
    private final NameCache names;
    private final boolean countAsYouGo;

    /** @param countAsYouGo false in a rebuild, which counts everything at the end instead */
    BatchProjection(EventCodec codec, NameCache names, boolean countAsYouGo) {
        this.codec = codec;
        this.names = names;
        this.countAsYouGo = countAsYouGo;
    }

    Uni<Void> apply(SqlClient client, List<RecordedEvent> events) {
        List<DecodedEvent> decoded = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            decoded.add(new DecodedEvent(codec.decode(e.type(), e.schemaVersion(), e.payloadJson()), e,
                    codec.decodeMetadata(e.metadataJson())));
        }
        Set<UUID> createdHere = new HashSet<>();
        Set<UUID> toLoad = new HashSet<>();
        for (DecodedEvent d : decoded) {
            if (d.event() instanceof FactExtracted || d.event() instanceof FactAsserted) {
                createdHere.add(((FactEvent) d.event()).factId());
            } else if (d.event() instanceof FactEvent fact && !createdHere.contains(fact.factId())) {
                toLoad.add(fact.factId());
            }
        }
        return loadStates(client, toLoad).chain(before -> project(client, decoded, before));
    }

    private Uni<Void> project(SqlClient client, List<DecodedEvent> decoded, Map<UUID, FactState> before) {
        Map<UUID, FactState> after = new LinkedHashMap<>(before);
        Pipeline otherViews = new Pipeline(client);
        for (DecodedEvent d : decoded) {
            if (d.event() instanceof FactEvent fact) {
                FactState.Recorded recorded = new FactState.Recorded(d.recorded().version(), d.recorded().position(),
                        d.recorded().recordedAt(), d.metadata().by());
                after.put(fact.factId(), FactState.apply(after.get(fact.factId()), fact, recorded));
            } else {
                names.learn(d.event());
                ReadModels.ALL.forEach(model -> model.apply(d, otherViews));
            }
        }
        if (after.isEmpty()) {
            return otherViews.send();
        }
        Set<String> actors = new HashSet<>();
        Set<String> topics = new HashSet<>();
        Set<UUID> documents = new HashSet<>();
        for (FactState state : after.values()) {
            state.content().actors().stream().map(FactActor::actorId).forEach(actors::add);
            topics.addAll(state.content().topics());
            state.content().sources().stream().map(SourceRef::documentId).forEach(documents::add);
        }
        return otherViews.send()
                .chain(() -> names.load(client, actors, topics, documents))
                .chain(() -> {
                    CountDeltas deltas = new CountDeltas();
                    List<FactRow> previous = new ArrayList<>(before.size());
                    List<FactRow> rows = new ArrayList<>(after.size());
                    for (FactState state : after.values()) {
                        FactState old = before.get(state.id());
                        if (old != null) {
                            previous.add(FactRow.keysOf(old));
                        }
                        if (countAsYouGo) {
                            deltas.remove(old);
                            deltas.add(state);
                        }
                        rows.add(FactRow.of(state, FactDoc.of(state, names)));
                    }
                    return ReadModels.inOnePipeline(client, (model, out) -> model.replaceFacts(previous, rows, out))
                            .chain(() -> countAsYouGo
                                    ? ReadModels.inOnePipeline(client, (model, out) -> model.applyCounts(deltas, out))
                                    : Uni.createFrom().voidItem());
                });
    }

    private static Uni<Map<UUID, FactState>> loadStates(SqlClient client, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return client.preparedQuery("select id, doc from fact_view where id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, FactState> states = new HashMap<>();
                    rows.forEach(row -> states.put(row.getUUID(0), ReadModelJson.read(row.getString(1)).toState()));
                    return states;
                });
    }
}

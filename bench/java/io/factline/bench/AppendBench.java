package io.factline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.factline.eventstore.AppendSignal;
import io.factline.eventstore.EventData;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.PostgresEventStore;
import io.factline.eventstore.StreamAppend;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Appends through the event store (one INSERT that checks each stream's expected version and takes
 * its position from the transaction id) against plain INSERTs of the same rows into a copy of the
 * table, with the same durability.
 */
final class AppendBench {

    static final String PAYLOAD = "{\"fact\": \"a payload the size of a small event\", \"n\": 1}";
    static final String METADATA = "{\"by\": \"bench\", \"via\": \"bench\"}";

    private AppendBench() {
    }

    static void run(Report report, BenchDatabase db, Duration warmUp, Duration measure) throws Exception {
        // the same table, its position from a plain identity sequence
        db.execute("create table raw_event (like event including all)");
        db.execute("alter table raw_event alter column position add generated always as identity");
        Vertx vertx = Vertx.vertx();
        Pool pool = db.pool(vertx, 4);
        PostgresEventStore store = new PostgresEventStore(pool, new AppendSignal());
        int seconds = (int) measure.toSeconds();
        try {
            for (int clients : new int[] {1, 4}) {
                Rounds.Pair result = Rounds.interleaved(() -> Timed.runAsync(clients, warmUp, measure, () ->
                                store.append(METADATA, StreamAppend.of("bench-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM,
                                        event())).replaceWith(1)),
                        () -> Pgbench.run(db, rawInsert(1), clients, seconds).tps());
                report.add("single-event append, " + clients + (clients == 1 ? " client" : " clients"),
                        result.ours().perSecond(), "events/s", result.raw(), "one-row INSERT per transaction",
                        clients == 1 ? 0.8 : Double.NaN, String.format("p99 %.1f ms; %s", result.ours().p99Ms(), result.note()));
            }
            Rounds.Pair batched = Rounds.interleaved(() -> Timed.runAsync(1, warmUp, measure, () -> {
                List<StreamAppend> appends = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    appends.add(StreamAppend.of("bench-" + UUID.randomUUID(), ExpectedVersion.NO_STREAM, event()));
                }
                return store.append(METADATA, appends).replaceWith(100);
            }), () -> Pgbench.run(db, rawInsert(100), 1, seconds).tps() * 100);
            report.add("batched append, 100 events per call", batched.ours().perSecond(), "events/s", batched.raw(),
                    "100-row multi-row INSERT", 0.5, batched.note());
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static EventData event() {
        return new EventData("BenchHappened", 1, PAYLOAD);
    }

    private static String rawInsert(int rows) {
        StringBuilder sql = new StringBuilder("\\set n random(1, 9000000000000000000)\n"
                + "INSERT INTO raw_event (stream_id, version, type, schema_version, payload, metadata) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("('raw-' || :n || '-").append(i).append("', 1, 'BenchHappened', 1, '")
                    .append(PAYLOAD).append("', '").append(METADATA).append("')");
        }
        return sql.append(";\n").toString();
    }
}

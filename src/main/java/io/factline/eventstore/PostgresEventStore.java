package io.factline.eventstore;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The event log on PostgreSQL: append with expected versions, read a stream, read all from a
 * position, follow the log. Knows nothing about what the events mean.
 *
 * <p>Concurrent appends are grouped: while one call to {@code append_events} is in flight, the
 * requests that arrive queue up and go together in the next call, so one commit (one disk flush)
 * serves many writers. Each request still succeeds or fails on its own expectations.
 */
public final class PostgresEventStore {

    private static final String APPEND_SQL = "select request, stream_id, version, event_position, accepted "
            + "from append_events($1, $2, $3, $4::int[]::smallint[], $5::text[]::jsonb[], $6::text[]::jsonb[], $7, $8, $9)";
    private static final String EVENT_COLUMNS =
            "position, stream_id, version, type, schema_version, payload::text, metadata::text, recorded_at";

    private final Pool pool;
    private final int maxBatchEvents;
    private final AppendSignal signal;
    private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
    private boolean flushing;

    public PostgresEventStore(Pool pool, AppendSignal signal, int maxBatchEvents) {
        this.pool = pool;
        this.signal = signal;
        this.maxBatchEvents = maxBatchEvents;
    }

    public AppendSignal signal() {
        return signal;
    }

    /** Appends to one or more streams atomically: all of it, or nothing if any expectation fails. */
    public Uni<AppendResult> append(List<StreamAppend> appends) {
        List<StreamAppend> request = List.copyOf(appends);
        if (request.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("nothing to append"));
        }
        Set<String> streams = new HashSet<>();
        for (StreamAppend append : request) {
            if (!streams.add(append.streamId())) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "stream " + append.streamId() + " appears twice in one append"));
            }
        }
        return Uni.createFrom().deferred(() -> {
            PendingAppend pending = new PendingAppend(request, Vertx.currentContext());
            boolean startFlushing;
            synchronized (queue) {
                queue.add(pending);
                startFlushing = !flushing;
                flushing = true;
            }
            if (startFlushing) {
                flushNext();
            }
            return Uni.createFrom().completionStage(pending.result);
        });
    }

    public Uni<AppendResult> append(StreamAppend... appends) {
        return append(List.of(appends));
    }

    private void flushNext() {
        List<PendingAppend> batch = new ArrayList<>();
        synchronized (queue) {
            int events = 0;
            while (!queue.isEmpty() && (batch.isEmpty() || events + queue.peek().eventCount() <= maxBatchEvents)) {
                PendingAppend next = queue.poll();
                events += next.eventCount();
                batch.add(next);
            }
            if (batch.isEmpty()) {
                flushing = false;
                return;
            }
        }
        write(batch).subscribe().with(
                ignored -> flushNext(),
                failure -> retryAlone(batch, failure).subscribe().with(ignored -> flushNext(), f -> flushNext()));
    }

    /** A failed group is retried one request at a time, so one bad request does not sink the others. */
    private Uni<Void> retryAlone(List<PendingAppend> batch, Throwable failure) {
        if (batch.size() == 1) {
            batch.get(0).fail(failure);
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PendingAppend pending : batch) {
            chain = chain.chain(() -> write(List.of(pending))
                    .onFailure().invoke(pending::fail)
                    .onFailure().recoverWithItem((Void) null));
        }
        return chain;
    }

    private Uni<Void> write(List<PendingAppend> batch) {
        List<Integer> request = new ArrayList<>();
        List<String> stream = new ArrayList<>();
        List<String> type = new ArrayList<>();
        List<Integer> schema = new ArrayList<>();
        List<String> payload = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        List<Integer> expRequest = new ArrayList<>();
        List<String> expStream = new ArrayList<>();
        List<Integer> expVersion = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (StreamAppend append : batch.get(i).appends) {
                expRequest.add(i);
                expStream.add(append.streamId());
                expVersion.add(append.expected().code());
                for (EventData event : append.events()) {
                    request.add(i);
                    stream.add(append.streamId());
                    type.add(event.type());
                    schema.add(event.schemaVersion());
                    payload.add(event.payloadJson());
                    metadata.add(event.metadataJson());
                }
            }
        }
        Tuple args = Tuple.tuple()
                .addArrayOfInteger(request.toArray(Integer[]::new))
                .addArrayOfString(stream.toArray(String[]::new))
                .addArrayOfString(type.toArray(String[]::new))
                .addArrayOfInteger(schema.toArray(Integer[]::new))
                .addArrayOfString(payload.toArray(String[]::new))
                .addArrayOfString(metadata.toArray(String[]::new))
                .addArrayOfInteger(expRequest.toArray(Integer[]::new))
                .addArrayOfString(expStream.toArray(String[]::new))
                .addArrayOfInteger(expVersion.toArray(Integer[]::new));
        return pool.preparedQuery(APPEND_SQL).execute(args)
                .invoke(rows -> settle(batch, rows))
                .replaceWithVoid();
    }

    private void settle(List<PendingAppend> batch, RowSet<Row> rows) {
        Map<Integer, List<AppendResult.Appended>> appended = new HashMap<>();
        Map<Integer, WrongExpectedVersionException> conflicts = new HashMap<>();
        boolean anyAppended = false;
        for (Row row : rows) {
            int i = row.getInteger("request");
            String streamId = row.getString("stream_id");
            if (row.getBoolean("accepted")) {
                anyAppended = true;
                appended.computeIfAbsent(i, k -> new ArrayList<>()).add(new AppendResult.Appended(
                        streamId, row.getInteger("version"), row.getLong("event_position")));
            } else {
                ExpectedVersion expected = batch.get(i).expectationFor(streamId);
                conflicts.putIfAbsent(i, new WrongExpectedVersionException(streamId, expected, row.getInteger("version")));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (conflicts.containsKey(i)) {
                batch.get(i).fail(conflicts.get(i));
            } else {
                batch.get(i).complete(new AppendResult(appended.getOrDefault(i, List.of())));
            }
        }
        if (anyAppended) {
            signal.signal();
        }
    }

    public Uni<List<RecordedEvent>> readAll(long afterPosition, int limit) {
        return readAll(pool, afterPosition, limit);
    }

    /** Events after a position, in log order; on the given client so a transaction can read its own log. */
    public Uni<List<RecordedEvent>> readAll(SqlClient client, long afterPosition, int limit) {
        return client.preparedQuery("select " + EVENT_COLUMNS + " from event where position > $1 order by position limit $2")
                .execute(Tuple.of(afterPosition, limit))
                .map(PostgresEventStore::toEvents);
    }

    public Uni<List<RecordedEvent>> readStream(String streamId) {
        return pool.preparedQuery("select " + EVENT_COLUMNS + " from event where stream_id = $1 order by version")
                .execute(Tuple.of(streamId))
                .map(PostgresEventStore::toEvents);
    }

    /** The current version of each stream that exists; streams not in the map do not exist. */
    public Uni<Map<String, Integer>> streamVersions(Collection<String> streamIds) {
        return pool.preparedQuery("select s.id, (select max(e.version) from event e where e.stream_id = s.id) "
                        + "from unnest($1::text[]) as s(id)")
                .execute(Tuple.of(streamIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Integer> versions = new HashMap<>();
                    for (Row row : rows) {
                        Integer version = row.getInteger(1);
                        if (version != null) {
                            versions.put(row.getString(0), version);
                        }
                    }
                    return versions;
                });
    }

    public Uni<Long> lastPosition() {
        return pool.query("select coalesce(max(position), 0) from event").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * A catch-up subscription: every event after the position, in log order, then every new one as it
     * commits. Waits on the append signal, and re-reads at least every {@code pollInterval}.
     */
    public Multi<RecordedEvent> follow(long afterPosition, int pageSize, Duration pollInterval) {
        AtomicLong cursor = new AtomicLong(afterPosition);
        return Multi.createBy().repeating()
                .uni(() -> readAll(cursor.get(), pageSize).call(page -> page.isEmpty()
                        ? signal.awaitNext(pollInterval)
                        : Uni.createFrom().voidItem()))
                .indefinitely()
                .onItem().transformToIterable(page -> {
                    if (!page.isEmpty()) {
                        cursor.set(page.get(page.size() - 1).position());
                    }
                    return page;
                });
    }

    private static List<RecordedEvent> toEvents(RowSet<Row> rows) {
        List<RecordedEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(new RecordedEvent(row.getLong(0), row.getString(1), row.getInteger(2), row.getString(3),
                    row.getShort(4), row.getString(5), row.getString(6), row.getOffsetDateTime(7)));
        }
        return events;
    }

    private static final class PendingAppend {
        final List<StreamAppend> appends;
        final CompletableFuture<AppendResult> result = new CompletableFuture<>();
        private final Context callerContext;

        PendingAppend(List<StreamAppend> appends, Context callerContext) {
            this.appends = appends;
            this.callerContext = callerContext;
        }

        int eventCount() {
            return appends.stream().mapToInt(a -> a.events().size()).sum();
        }

        ExpectedVersion expectationFor(String streamId) {
            return appends.stream().filter(a -> a.streamId().equals(streamId)).findFirst()
                    .map(StreamAppend::expected).orElse(ExpectedVersion.ANY);
        }

        // Results go back to the caller's Vert.x context: a reactive Hibernate session opened there
        // must not continue on another event loop thread.
        void complete(AppendResult value) {
            onCallerContext(() -> result.complete(value));
        }

        void fail(Throwable failure) {
            onCallerContext(() -> result.completeExceptionally(failure));
        }

        private void onCallerContext(Runnable action) {
            if (callerContext == null || callerContext == Vertx.currentContext()) {
                action.run();
            } else {
                callerContext.runOnContext(ignored -> action.run());
            }
        }
    }
}

package io.factline.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The event log on PostgreSQL: append with expected versions, read a stream, read all from a
 * position, follow the log. Knows nothing about what the events mean.
 *
 * <p>An append is one INSERT: atomic over all its streams, checked against each stream's expected
 * version, and concurrent with other appends. Positions come from the appending transaction's id,
 * and reads stop at the horizon below which no transaction is still running (see V1__event_log.sql),
 * so a follower in position order never skips an event that commits late.
 */
public final class PostgresEventStore {

    /** At most this many events in one append: the position leaves 16 bits for the index. */
    public static final int MAX_EVENTS_PER_APPEND = 65_535;

    static final String APPEND_SQL = """
            with input as (
                -- a new stream needs no look-up: if it exists after all, (stream, 1) is taken and the insert fails
                select t.*, case when t.expected = 0 then 0
                                 else coalesce((select max(e.version) from event e where e.stream_id = t.stream), 0)
                            end as head
                  from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::int[], $6::text[])
                       with ordinality as t(stream, expected, step, type, schema_version, payload, n))
            insert into event (position, stream_id, version, type, schema_version, payload, metadata)
            select (pg_current_xact_id()::text::bigint << 16) + n, stream, head + step, type, schema_version::smallint,
                   payload::jsonb, $7::text::jsonb
              from input
             where expected = -1 or (expected = -2 and head > 0) or expected = head
                or append_expectation_failed(stream, expected, head)
            returning position, stream_id, version""";

    /** The same for the most common append, one event to one stream, without the arrays. */
    static final String APPEND_ONE_SQL = """
            insert into event (position, stream_id, version, type, schema_version, payload, metadata)
            select (pg_current_xact_id()::text::bigint << 16) + 1, $1, h.head + 1, $3, $4::int::smallint,
                   $5::text::jsonb, $6::text::jsonb
              from (select case when $2::int = 0 then 0
                                else coalesce((select max(e.version) from event e where e.stream_id = $1), 0)
                           end as head) h
             where $2::int = -1 or ($2::int = -2 and h.head > 0) or $2::int = h.head
                or append_expectation_failed($1, $2::int, h.head)
            returning position, stream_id, version""";

    private static final String EVENT_COLUMNS =
            "position, stream_id, version, type, schema_version, payload::text, metadata::text, recorded_at";
    private static final Pattern DUPLICATE_KEY = Pattern.compile("\\(stream_id, version\\)=\\((.*), (\\d+)\\)");
    /** Payload bytes (as stored) after which a page of events ends. */
    static final long PAGE_BYTES = 16L * 1024 * 1024;
    /** How often a waiting reader looks for events appended by other processes. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Pool pool;
    private final AppendSignal signal;

    public PostgresEventStore(Pool pool, AppendSignal signal) {
        this.pool = pool;
        this.signal = signal;
    }

    /**
     * Appends to one or more streams atomically: all of it, or nothing if any expectation fails. The
     * metadata (who, in answer to what) is the same for every event of the append.
     */
    public Uni<AppendResult> append(String metadataJson, List<StreamAppend> appends) {
        List<StreamAppend> request = List.copyOf(appends);
        Set<String> streams = new HashSet<>();
        int events = 0;
        for (StreamAppend append : request) {
            if (!streams.add(append.streamId())) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "stream " + append.streamId() + " appears twice in one append"));
            }
            events += append.events().size();
        }
        if (events == 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("nothing to append"));
        }
        if (events > MAX_EVENTS_PER_APPEND) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "one append holds at most " + MAX_EVENTS_PER_APPEND + " events, not " + events));
        }
        String metadata = metadataJson == null ? "{}" : metadataJson;
        int total = events;
        return Uni.createFrom().deferred(() -> total == 1 ? appendOne(request.get(0), metadata)
                        : appendMany(request, total, metadata))
                // "any version" never conflicts: if a concurrent append took the version, go again
                .onFailure(failure -> raceOnFlexibleExpectation(failure, request))
                .retry().withBackOff(Duration.ofMillis(1), Duration.ofMillis(50)).withJitter(0.5).atMost(50)
                .onFailure(PgException.class).recoverWithUni(failure -> conflict((PgException) failure, request))
                .map(rows -> {
                    List<AppendResult.Appended> appended = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        appended.add(new AppendResult.Appended(row.getString(1), row.getInteger(2), row.getLong(0)));
                    }
                    appended.sort((a, b) -> Long.compare(a.position(), b.position()));
                    return new AppendResult(appended);
                })
                .invoke(signal::signal);
    }

    private Uni<RowSet<Row>> appendOne(StreamAppend append, String metadata) {
        EventData event = append.events().get(0);
        return pool.preparedQuery(APPEND_ONE_SQL).execute(Tuple.tuple(List.of(append.streamId(), append.expected().code(),
                event.type(), event.schemaVersion(), event.payloadJson(), metadata)));
    }

    private Uni<RowSet<Row>> appendMany(List<StreamAppend> request, int events, String metadata) {
        List<String> stream = new ArrayList<>(events);
        List<Integer> expected = new ArrayList<>(events);
        List<Integer> step = new ArrayList<>(events);
        List<String> type = new ArrayList<>(events);
        List<Integer> schema = new ArrayList<>(events);
        List<String> payload = new ArrayList<>(events);
        for (StreamAppend append : request) {
            int i = 0;
            for (EventData event : append.events()) {
                stream.add(append.streamId());
                expected.add(append.expected().code());
                step.add(++i);
                type.add(event.type());
                schema.add(event.schemaVersion());
                payload.add(event.payloadJson());
            }
        }
        Tuple args = Tuple.tuple()
                .addArrayOfString(stream.toArray(String[]::new))
                .addArrayOfInteger(expected.toArray(Integer[]::new))
                .addArrayOfInteger(step.toArray(Integer[]::new))
                .addArrayOfString(type.toArray(String[]::new))
                .addArrayOfInteger(schema.toArray(Integer[]::new))
                .addArrayOfString(payload.toArray(String[]::new))
                .addString(metadata);
        return pool.preparedQuery(APPEND_SQL).execute(args);
    }

    public Uni<AppendResult> append(String metadataJson, StreamAppend... appends) {
        return append(metadataJson, List.of(appends));
    }

    /** A failed expectation, or a concurrent append that took the version first, is a version conflict. */
    private Uni<RowSet<Row>> conflict(PgException failure, List<StreamAppend> request) {
        if ("FL002".equals(failure.getSqlState()) && failure.getDetail() != null) {
            String[] detail = failure.getDetail().split("\\|", 3);
            String streamId = detail[2];
            return Uni.createFrom().failure(new WrongExpectedVersionException(streamId, expectationFor(request, streamId),
                    Integer.parseInt(detail[1])));
        }
        String streamId = duplicateStream(failure);
        if (streamId != null) {
            return streamVersions(List.of(streamId)).chain(versions -> Uni.createFrom().failure(
                    new WrongExpectedVersionException(streamId, expectationFor(request, streamId),
                            versions.getOrDefault(streamId, 0))));
        }
        return Uni.createFrom().failure(failure);
    }

    /** The stream whose version a concurrent append took first, if that is what failed. */
    private static String duplicateStream(Throwable failure) {
        if (failure instanceof PgException pg && "23505".equals(pg.getSqlState()) && pg.getDetail() != null) {
            Matcher duplicate = DUPLICATE_KEY.matcher(pg.getDetail());
            return duplicate.find() ? duplicate.group(1) : null;
        }
        return null;
    }

    private static boolean raceOnFlexibleExpectation(Throwable failure, List<StreamAppend> request) {
        String streamId = duplicateStream(failure);
        if (streamId == null) {
            return false;
        }
        int code = expectationFor(request, streamId).code();
        return code == ExpectedVersion.ANY.code() || code == ExpectedVersion.STREAM_EXISTS.code();
    }

    private static ExpectedVersion expectationFor(List<StreamAppend> request, String streamId) {
        return request.stream().filter(a -> a.streamId().equals(streamId)).findFirst()
                .map(StreamAppend::expected).orElse(ExpectedVersion.ANY);
    }

    public Uni<List<RecordedEvent>> readAll(long afterPosition, int limit) {
        return readAll(pool, afterPosition, limit);
    }

    /**
     * Events after a position, in log order, up to the horizon; on the given client, so a transaction
     * can read. A page stops early once its payloads pass {@link #PAGE_BYTES} (a document's event can
     * hold megabytes), but always holds at least one event.
     */
    public Uni<List<RecordedEvent>> readAll(SqlClient client, long afterPosition, int limit) {
        return client.preparedQuery("""
                        select %s from (
                          select e.*, sum(pg_column_size(e.payload)) over (order by e.position) as page_bytes from (
                            select * from event where position > $1 and position < event_horizon() order by position limit $2
                          ) e
                        ) p
                        where page_bytes - pg_column_size(payload) < $3 order by position""".formatted(EVENT_COLUMNS))
                .execute(Tuple.of(afterPosition, limit, PAGE_BYTES))
                .map(PostgresEventStore::toEvents);
    }

    /** A stream's events, everything committed (a command's view of the latest state). */
    public Uni<List<RecordedEvent>> readStream(String streamId) {
        return pool.preparedQuery("select " + EVENT_COLUMNS + " from event where stream_id = $1 order by version")
                .execute(Tuple.of(streamId))
                .map(PostgresEventStore::toEvents);
    }

    /** The events of several streams, each stream in version order. */
    public Uni<List<RecordedEvent>> readStreams(Collection<String> streamIds) {
        return pool.preparedQuery("""
                        select %s from event where stream_id = any($1)
                        order by stream_id, version""".formatted(EVENT_COLUMNS))
                .execute(Tuple.of((Object) streamIds.toArray(String[]::new)))
                .map(PostgresEventStore::toEvents);
    }

    /** The current version of each stream that exists; streams not in the map do not exist. */
    public Uni<Map<String, Integer>> streamVersions(Collection<String> streamIds) {
        return pool.preparedQuery("""
                        select s.id, (select max(e.version) from event e where e.stream_id = s.id)
                        from unnest($1::text[]) as s(id)""")
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

    /** The position of the last event a follower can read now (0 for an empty log). */
    public Uni<Long> lastPosition() {
        return pool.query("select coalesce(max(position), 0) from event where position < event_horizon()").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Events after the position, waiting up to {@code wait} for one to be readable: woken by appends in
     * this process, polling for those of other processes. On the given client: long polls by the
     * public feed should not take the connections that appends need.
     */
    public Uni<List<RecordedEvent>> readAllWaiting(SqlClient client, long afterPosition, int limit, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return readAll(client, afterPosition, limit).chain(events -> {
            long left = deadline - System.nanoTime();
            if (!events.isEmpty() || left <= 0) {
                return Uni.createFrom().item(events);
            }
            return signal.awaitNext(Duration.ofNanos(Math.min(left, POLL.toNanos())))
                    .chain(() -> readAllWaiting(client, afterPosition, limit, Duration.ofNanos(deadline - System.nanoTime())));
        });
    }

    /**
     * A catch-up subscription: every event after the position, in log order, then every new one as it
     * becomes readable. Waits on the append signal, and re-reads at least every {@code pollInterval}.
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
}

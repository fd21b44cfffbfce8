package io.factline.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.factline.testing.ReactivePools;
import io.factline.testing.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A follower reading the log in position order must never miss an event that commits late with a
 * lower position. Appenders here hold their transaction open for a random time before committing
 * (in the spirit of Eventuous's delayed-store test), while the service's own grouped appends run
 * beside them and a follower tails the log.
 */
class LateCommitOrderingTest {

    private static final Pattern ID = Pattern.compile("\"id\": \"([^\"]+)\"");
    private static TestDatabase.Database database;
    private static Vertx vertx;
    private static Pool pool;
    private static PostgresEventStore store;

    @BeforeAll
    static void start() {
        database = TestDatabase.create("ordering").migrate();
        vertx = Vertx.vertx();
        pool = ReactivePools.open(vertx, database, 4);
        store = new PostgresEventStore(pool, new AppendSignal(), 1000);
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        database.drop();
    }

    @Test
    void aFollowerSeesEveryEventExactlyOnceInOrderDespiteLateCommits() throws Exception {
        int appenders = 4;
        int appendsEach = 40;
        int groupedAppends = 150;
        int expected = appenders * appendsEach + groupedAppends;
        long start = store.lastPosition().await().indefinitely();

        List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> broken = new java.util.concurrent.atomic.AtomicReference<>();
        Cancellable follower = store.follow(start, 7, Duration.ofMillis(20)).subscribe().with(seen::add, broken::set);

        ExecutorService threads = Executors.newFixedThreadPool(appenders);
        List<Future<?>> running = new ArrayList<>();
        for (int a = 0; a < appenders; a++) {
            int appender = a;
            running.add(threads.submit(() -> {
                try (Connection connection = database.connect()) {
                    connection.setAutoCommit(false);
                    for (int i = 0; i < appendsEach; i++) {
                        appendThenCommitLate(connection, "slow-" + appender + "-" + i);
                    }
                }
                return null;
            }));
        }
        List<Uni<AppendResult>> grouped = new ArrayList<>();
        for (int i = 0; i < groupedAppends; i++) {
            grouped.add(store.append(StreamAppend.of("grouped-" + i, ExpectedVersion.ANY,
                    new EventData("Happened", 1, "{\"id\": \"grouped-" + i + "\"}", "{}"))));
        }
        Uni.join().all(grouped).andFailFast().await().atMost(Duration.ofSeconds(60));
        for (Future<?> appender : running) {
            appender.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // anything delivered twice would arrive by now
        follower.cancel();

        assertThat(broken.get()).isNull();
        assertThat(seen).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        List<String> ids = seen.stream().map(LateCommitOrderingTest::idOf).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(expected);
        Set<String> wanted = ConcurrentHashMap.newKeySet();
        for (int a = 0; a < appenders; a++) {
            for (int i = 0; i < appendsEach; i++) {
                wanted.add("slow-" + a + "-" + i);
            }
        }
        for (int i = 0; i < groupedAppends; i++) {
            wanted.add("grouped-" + i);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void aLaterAppendWaitsForAnEarlierOneToCommit() throws Exception {
        long start = store.lastPosition().await().indefinitely();
        try (Connection slow = database.connect()) {
            slow.setAutoCommit(false);
            append(slow, "first");
            // "first" holds its position but has not committed: "second" must wait behind it.
            var second = store.append(StreamAppend.of("second", ExpectedVersion.ANY,
                    new EventData("Happened", 1, "{\"id\": \"second\"}", "{}"))).subscribeAsCompletionStage();
            Thread.sleep(300);
            assertThat(second).isNotDone();
            assertThat(store.readAll(start, 10).await().indefinitely()).isEmpty();
            slow.commit();
            second.get(10, TimeUnit.SECONDS);
        }
        List<String> order = store.readAll(start, 10).await().indefinitely().stream().map(LateCommitOrderingTest::idOf).toList();
        assertThat(order).containsExactly("first", "second");
    }

    /** The control: without append_events' lock, a follower does skip a late commit. The test above would see it. */
    @Test
    void withoutTheAppendLockAFollowerWouldSkipALateCommit() throws Exception {
        long start = store.lastPosition().await().indefinitely();
        try (Connection late = database.connect(); Connection early = database.connect()) {
            late.setAutoCommit(false);
            insertBypassingTheLock(late, "late");
            insertBypassingTheLock(early, "early"); // autocommit: a higher position, visible at once

            List<RecordedEvent> firstRead = store.readAll(start, 10).await().indefinitely();
            assertThat(firstRead).extracting(LateCommitOrderingTest::idOf).containsExactly("early");
            late.commit();
            long cursor = firstRead.get(0).position();
            assertThat(store.readAll(cursor, 10).await().indefinitely()).isEmpty();
            assertThat(store.readAll(start, 10).await().indefinitely()).extracting(LateCommitOrderingTest::idOf)
                    .containsExactly("late", "early");
        }
    }

    private static void appendThenCommitLate(Connection connection, String id) throws SQLException, InterruptedException {
        append(connection, id);
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 15));
        connection.commit();
    }

    private static void append(Connection connection, String id) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("select accepted from append_events("
                + "?, ?, ?, ?::int[]::smallint[], ?::text[]::jsonb[], ?::text[]::jsonb[], ?, ?, ?)")) {
            call.setArray(1, ints(connection, 0));
            call.setArray(2, texts(connection, "slow-" + id));
            call.setArray(3, texts(connection, "Happened"));
            call.setArray(4, ints(connection, 1));
            call.setArray(5, texts(connection, "{\"id\": \"" + id + "\"}"));
            call.setArray(6, texts(connection, "{}"));
            call.setArray(7, ints(connection, 0));
            call.setArray(8, texts(connection, "slow-" + id));
            call.setArray(9, ints(connection, -1));
            try (ResultSet rows = call.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean(1)).isTrue();
            }
        }
    }

    private static void insertBypassingTheLock(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into event (stream_id, version, type, "
                + "schema_version, payload) values (?, 1, 'Happened', 1, ?::jsonb)")) {
            insert.setString(1, "bypass-" + id + "-" + System.nanoTime());
            insert.setString(2, "{\"id\": \"" + id + "\"}");
            insert.executeUpdate();
        }
    }

    private static Array ints(Connection connection, Integer value) throws SQLException {
        return connection.createArrayOf("int4", new Integer[] {value});
    }

    private static Array texts(Connection connection, String value) throws SQLException {
        return connection.createArrayOf("text", new String[] {value});
    }

    private static String idOf(RecordedEvent event) {
        Matcher matcher = ID.matcher(event.payloadJson());
        return matcher.find() ? matcher.group(1) : event.payloadJson();
    }
}

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

import io.factline.testing.EventStoreFixture;
import io.factline.testing.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A follower reading the log in position order must never miss an event that commits late with a
 * lower position. Appenders here hold their transaction open for a random time before committing
 * (in the spirit of Eventuous's delayed-store test), while the service's own appends run beside
 * them and a follower tails the log.
 */
class LateCommitOrderingTest {

    private static final Pattern ID = Pattern.compile("\"id\": \"([^\"]+)\"");
    private static EventStoreFixture fixture;
    private static TestDatabase.Database database;
    private static PostgresEventStore store;

    @BeforeAll
    static void start() {
        fixture = new EventStoreFixture("ordering");
        database = fixture.database;
        store = fixture.store;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aFollowerSeesEveryEventExactlyOnceInOrderDespiteLateCommits() throws Exception {
        int appenders = 4;
        int appendsEach = 40;
        int ownAppends = 150;
        int expected = appenders * appendsEach + ownAppends;
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
        List<Uni<AppendResult>> own = new ArrayList<>();
        for (int i = 0; i < ownAppends; i++) {
            own.add(store.append("{}", StreamAppend.of("own-" + i, ExpectedVersion.ANY,
                    new EventData("Happened", 1, "{\"id\": \"own-" + i + "\"}"))));
        }
        Uni.join().all(own).andFailFast().await().atMost(Duration.ofSeconds(60));
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
        for (int i = 0; i < ownAppends; i++) {
            wanted.add("own-" + i);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void eventsOfAnUncommittedAppendHoldBackTheLaterOnes() throws Exception {
        long start = store.lastPosition().await().indefinitely();
        try (Connection slow = database.connect()) {
            slow.setAutoCommit(false);
            append(slow, "first");
            // "first" has its position, below any later append's, but has not committed
            store.append("{}", StreamAppend.of("second", ExpectedVersion.ANY,
                    new EventData("Happened", 1, "{\"id\": \"second\"}"))).await().indefinitely();
            assertThat(store.readAll(start, 10).await().indefinitely()).isEmpty();
            slow.commit();
        }
        List<String> order = store.readAll(start, 10).await().indefinitely().stream().map(LateCommitOrderingTest::idOf).toList();
        assertThat(order).containsExactly("first", "second");
    }

    /** The control: a reader that ignores the horizon does skip a late commit. The tests above would see it. */
    @Test
    void withoutTheHorizonAFollowerWouldSkipALateCommit() throws Exception {
        long start = store.lastPosition().await().indefinitely();
        try (Connection late = database.connect(); Connection early = database.connect()) {
            late.setAutoCommit(false);
            append(late, "late");   // the lower position, committed last
            append(early, "early"); // autocommit: a higher position, committed at once

            List<String> naive = readIgnoringTheHorizon(start);
            assertThat(naive).containsExactly("early");
            long cursor = positionOf("early");
            late.commit();
            assertThat(readIgnoringTheHorizon(cursor)).isEmpty(); // "late" is behind the cursor: skipped for good
            assertThat(store.readAll(start, 10).await().indefinitely()).extracting(LateCommitOrderingTest::idOf)
                    .containsExactly("late", "early");
        }
    }

    private static List<String> readIgnoringTheHorizon(long after) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement read = connection.prepareStatement(
                "select payload::text from event where position > ? order by position")) {
            read.setLong(1, after);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    Matcher matcher = ID.matcher(rows.getString(1));
                    ids.add(matcher.find() ? matcher.group(1) : rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long positionOf(String id) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement read = connection.prepareStatement(
                "select position from event where payload->>'id' = ?")) {
            read.setString(1, id);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void appendThenCommitLate(Connection connection, String id) throws SQLException, InterruptedException {
        append(connection, id);
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 15));
        connection.commit();
    }

    /** The service's own append statement, run on a JDBC connection whose transaction the test controls. */
    private static void append(Connection connection, String id) throws SQLException {
        String jdbcSql = PostgresEventStore.APPEND_SQL.replaceAll("\\$\\d+", "?");
        try (PreparedStatement call = connection.prepareStatement(jdbcSql)) {
            call.setArray(1, texts(connection, "slow-" + id));
            call.setArray(2, ints(connection, -1));
            call.setArray(3, ints(connection, 1));
            call.setArray(4, texts(connection, "Happened"));
            call.setArray(5, ints(connection, 1));
            call.setArray(6, texts(connection, "{\"id\": \"" + id + "\"}"));
            call.setString(7, "{}");
            try (ResultSet rows = call.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
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

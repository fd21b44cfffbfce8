package io.factline.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.factline.eventstore.AppendResult;
import io.factline.eventstore.AppendSignal;
import io.factline.eventstore.EventData;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.PostgresEventStore;
import io.factline.eventstore.StreamAppend;
import io.factline.testing.ReactivePools;
import io.factline.testing.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The lag, counted incrementally from the previous measurement, is at every step what a count of
 * the whole backlog says: while the checkpoint is inside the previous backlog, once it passes the
 * previous head, and after it moves back (a restored database).
 */
class ProjectionLagTest {

    private static TestDatabase.Database database;
    private static Vertx vertx;
    private static Pool pool;
    private static PostgresEventStore store;
    private static ProjectionLag lag;

    @BeforeAll
    static void start() {
        database = TestDatabase.create("lag").migrate();
        vertx = Vertx.vertx();
        pool = ReactivePools.open(vertx, database, 2);
        store = new PostgresEventStore(pool, new AppendSignal());
        lag = new ProjectionLag();
        lag.pool = pool;
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        database.drop();
    }

    @Test
    void everyMeasurementEqualsAFullCount() throws SQLException {
        assertExact(); // an empty log

        List<Long> first = append(3, 5, 1); // three appends, nine events
        assertThat(assertExact().lag()).isEqualTo(9);

        moveCheckpointTo(first.get(4)); // inside the backlog
        assertExact();
        List<Long> second = append(2, 4);
        assertExact();

        moveCheckpointTo(first.get(7)); // still inside the first backlog, with more appended behind it
        assertExact();
        moveCheckpointTo(second.get(2)); // past the previous head
        assertExact();
        append(7);
        assertExact();

        moveCheckpointTo(store.lastPosition().await().indefinitely());
        assertThat(assertExact().lag()).isZero();

        moveCheckpointTo(first.get(1)); // back, as after restoring an older copy of the views
        assertExact();
    }

    /** The measured lag against a count of the backlog up to the head it saw. */
    private static ProjectionLag.Status assertExact() throws SQLException {
        ProjectionLag.Status status = lag.status().await().indefinitely();
        assertThat(status.position()).isEqualTo(queryLong("select position from projection_checkpoint"));
        assertThat(status.lag()).as("lag at checkpoint %d, head %d", status.position(), status.head())
                .isEqualTo(queryLong("select count(*) from event where position > " + status.position()
                        + " and position <= " + status.head()));
        return status;
    }

    /** Appends of the given sizes, one transaction each; returns the positions of their events in order. */
    private static List<Long> append(int... sizes) {
        List<Long> positions = new ArrayList<>();
        for (int size : sizes) {
            List<EventData> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                events.add(new EventData("LagMeasured", 1, "{\"n\": " + i + "}"));
            }
            AppendResult result = store.append("{}", new StreamAppend("lag-" + UUID.randomUUID(),
                    ExpectedVersion.NO_STREAM, events)).await().indefinitely();
            result.events().forEach(e -> positions.add(e.position()));
        }
        // the lag counts only the final part of the log: wait until a transaction elsewhere on the
        // server no longer holds the horizon below these events
        long last = positions.get(positions.size() - 1);
        await().atMost(Duration.ofMinutes(1)).until(() -> queryLong("select event_horizon()") > last);
        return positions;
    }

    private static void moveCheckpointTo(long position) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement("update projection_checkpoint set position = ?")) {
            update.setLong(1, position);
            update.executeUpdate();
        }
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

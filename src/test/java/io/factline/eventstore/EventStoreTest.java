package io.factline.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.factline.testing.EventStoreFixture;
import io.factline.testing.TestDatabase;
import io.smallrye.mutiny.Uni;

class EventStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventStoreFixture fixture;
    private static TestDatabase.Database database;
    private static PostgresEventStore store;

    @BeforeAll
    static void start() {
        fixture = new EventStoreFixture("eventstore");
        database = fixture.database;
        store = fixture.store;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static final String META = "{\"by\":\"test\"}";

    static EventData event(String type, String json) {
        return new EventData(type, 1, json);
    }

    static String stream(String name) {
        return name + "-" + java.util.UUID.randomUUID();
    }

    @Test
    void appendsAndReadsAStreamInOrder() {
        String id = stream("doc");
        AppendResult first = store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM,
                event("Created", "{\"n\":1}"), event("Changed", "{\"n\":2}"))).await().atMost(WAIT);
        AppendResult second = store.append(META, StreamAppend.of(id, ExpectedVersion.exactly(2),
                event("Changed", "{\"n\":3}"))).await().atMost(WAIT);

        assertThat(first.events()).extracting(AppendResult.Appended::version).containsExactly(1, 2);
        assertThat(second.events()).extracting(AppendResult.Appended::version).containsExactly(3);
        assertThat(second.lastPosition()).isGreaterThan(first.lastPosition());

        List<RecordedEvent> events = store.readStream(id).await().atMost(WAIT);
        assertThat(events).extracting(RecordedEvent::type).containsExactly("Created", "Changed", "Changed");
        assertThat(events).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
        assertThat(events.get(2).payloadJson()).isEqualTo("{\"n\": 3}");
        assertThat(events.get(0).metadataJson()).contains("\"by\"");
        assertThat(events).extracting(RecordedEvent::position).isSorted();
    }

    @Test
    void refusesAStaleExpectedVersionAndWritesNothing() {
        String id = stream("fact");
        store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("Asserted", "{}"))).await().atMost(WAIT);

        assertThatThrownBy(() -> store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("Asserted", "{}")))
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.streamId()).isEqualTo(id);
                    assertThat(e.actualVersion()).isEqualTo(1);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.NO_STREAM);
                });
        assertThatThrownBy(() -> store.append(META, StreamAppend.of(id, ExpectedVersion.exactly(3), event("Corrected", "{}")))
                .await().atMost(WAIT)).isInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(() -> store.append(META, StreamAppend.of(stream("missing"), ExpectedVersion.STREAM_EXISTS,
                event("Corrected", "{}"))).await().atMost(WAIT)).isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store.readStream(id).await().atMost(WAIT)).hasSize(1);
    }

    @Test
    void appendsToSeveralStreamsAtomically() {
        String existing = stream("fact");
        store.append(META, StreamAppend.of(existing, ExpectedVersion.NO_STREAM, event("Asserted", "{}"))).await().atMost(WAIT);
        String fresh = stream("doc");
        long before = store.lastPosition().await().atMost(WAIT);

        assertThatThrownBy(() -> store.append(META, 
                StreamAppend.of(fresh, ExpectedVersion.NO_STREAM, event("Ingested", "{}")),
                StreamAppend.of(existing, ExpectedVersion.NO_STREAM, event("Extracted", "{}"))).await().atMost(WAIT))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store.readStream(fresh).await().atMost(WAIT)).isEmpty();
        assertThat(store.readAll(before, 100).await().atMost(WAIT))
                .noneMatch(e -> e.streamId().equals(fresh) || e.streamId().equals(existing));
    }

    @Test
    void anyVersionAppendsAfterWhateverIsThere() {
        String id = stream("actor");
        store.append(META, StreamAppend.of(id, ExpectedVersion.ANY, event("Registered", "{}"))).await().atMost(WAIT);
        AppendResult result = store.append(META, StreamAppend.of(id, ExpectedVersion.ANY, event("AliasAdded", "{}")))
                .await().atMost(WAIT);
        assertThat(result.versionOf(id)).isEqualTo(2);
        assertThat(store.streamVersions(List.of(id, stream("none"))).await().atMost(WAIT)).containsOnlyKeys(id);
    }

    @Test
    void concurrentAppendsSucceedOrFailOnTheirOwn() {
        String contested = stream("contested");
        List<Uni<AppendResult>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            appends.add(store.append(META, StreamAppend.of(stream("many"), ExpectedVersion.NO_STREAM, event("E", "{\"i\":" + i + "}"))));
        }
        // Ten writers race to create the same stream: exactly one may win.
        List<Uni<Boolean>> racers = IntStream.range(0, 10)
                .mapToObj(i -> store.append(META, StreamAppend.of(contested, ExpectedVersion.NO_STREAM, event("E", "{}")))
                        .map(ok -> true)
                        .onFailure(WrongExpectedVersionException.class).recoverWithItem(false))
                .toList();

        List<AppendResult> results = Uni.join().all(appends).andFailFast().await().atMost(WAIT);
        List<Boolean> raced = Uni.join().all(racers).andFailFast().await().atMost(WAIT);

        assertThat(results).allSatisfy(r -> assertThat(r.events()).singleElement()
                .satisfies(e -> assertThat(e.version()).isEqualTo(1)));
        assertThat(results).extracting(AppendResult::lastPosition).doesNotHaveDuplicates();
        assertThat(raced).containsOnlyOnce(true);
        assertThat(store.readStream(contested).await().atMost(WAIT)).hasSize(1);
    }

    @Test
    void concurrentAppendsExpectingAnyVersionAllLand() {
        String id = stream("busy");
        List<Uni<AppendResult>> appends = IntStream.range(0, 20)
                .mapToObj(i -> store.append(META, StreamAppend.of(id, ExpectedVersion.ANY, event("E", "{\"i\":" + i + "}"))))
                .toList();
        Uni.join().all(appends).andFailFast().await().atMost(WAIT);
        assertThat(store.readStream(id).await().atMost(WAIT)).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void streamIdsMayHoldAnyCharacterTheConflictReportSurvives() {
        String id = stream("odd|id, with (parts)");
        store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("E", "{}"))).await().atMost(WAIT);
        assertThatThrownBy(() -> store.append(META, StreamAppend.of(id, ExpectedVersion.exactly(4), event("E", "{}")))
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.streamId()).isEqualTo(id);
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("E", "{}")))
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.streamId()).isEqualTo(id));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEvents() throws SQLException {
        String id = stream("immutable");
        store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("Asserted", "{\"v\":1}"))).await().atMost(WAIT);

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update event set payload = '{\"v\":2}' where stream_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from event where stream_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("truncate event"))
                    .hasMessageContaining("append-only");
        }
        List<RecordedEvent> events = store.readStream(id).await().atMost(WAIT);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.payloadJson()).isEqualTo("{\"v\": 1}"));
    }

    @Test
    void refusesMalformedAppendsBeforeTouchingTheDatabase() {
        String id = stream("twice");
        assertThatThrownBy(() -> store.append(META, 
                StreamAppend.of(id, ExpectedVersion.ANY, event("E", "{}")),
                StreamAppend.of(id, ExpectedVersion.ANY, event("E", "{}"))).await().atMost(WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamAppend(id, ExpectedVersion.ANY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpectedVersion.exactly(0)).isInstanceOf(IllegalArgumentException.class);
        List<EventData> tooMany = java.util.Collections.nCopies(PostgresEventStore.MAX_EVENTS_PER_APPEND + 1, event("E", "{}"));
        assertThatThrownBy(() -> store.append(META, new StreamAppend(id, ExpectedVersion.ANY, tooMany)).await().atMost(WAIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }

    @Test
    void anExpectationAheadOfTheStreamIsAConflictNotAGap() {
        String id = stream("fact");
        store.append(META, StreamAppend.of(id, ExpectedVersion.NO_STREAM, event("Asserted", "{}"))).await().atMost(WAIT);
        assertThatThrownBy(() -> store.append(META, StreamAppend.of(id, ExpectedVersion.exactly(5), event("Corrected", "{}")))
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion()).isEqualTo(1));
        assertThat(store.readStream(id).await().atMost(WAIT)).extracting(RecordedEvent::version).containsExactly(1);
    }

    @Test
    void positionsFollowTheAppendingTransactionAndEventsWithinIt() {
        AppendResult result = store.append(META, StreamAppend.of(stream("a"), ExpectedVersion.NO_STREAM,
                event("One", "{}"), event("Two", "{}"), event("Three", "{}"))).await().atMost(WAIT);
        List<Long> positions = result.events().stream().map(AppendResult.Appended::position).toList();
        assertThat(positions.get(1) - positions.get(0)).isEqualTo(1);
        assertThat(positions.get(2) - positions.get(1)).isEqualTo(1);
        assertThat(positions.get(0) >> 16).isEqualTo(positions.get(2) >> 16);
    }

    @Test
    void aBadPayloadFailsItsOwnRequestOnly() {
        String good = stream("good");
        Uni<Boolean> goodAppended = store.append(META, StreamAppend.of(good, ExpectedVersion.NO_STREAM, event("E", "{}")))
                .map(r -> true).onFailure().recoverWithItem(false);
        Uni<Boolean> badAppended = store.append(META, StreamAppend.of(stream("bad"), ExpectedVersion.NO_STREAM, event("E", "{not json")))
                .map(r -> true).onFailure().recoverWithItem(false);

        List<Boolean> outcome = Uni.join().all(goodAppended, badAppended).andFailFast().await().atMost(WAIT);
        assertThat(outcome).containsExactly(true, false);
        assertThat(store.readStream(good).await().atMost(WAIT)).hasSize(1);
    }
}

package io.factline.testing;

import io.factline.eventstore.AppendSignal;
import io.factline.eventstore.PostgresEventStore;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/** An event store on a fresh, migrated database of its own, for tests that run without Quarkus. */
public final class EventStoreFixture implements AutoCloseable {

    public final TestDatabase.Database database;
    public final PostgresEventStore store;
    private final Vertx vertx;
    private final Pool pool;

    public EventStoreFixture(String purpose) {
        database = TestDatabase.create(purpose).migrate();
        vertx = Vertx.vertx();
        pool = ReactivePools.open(vertx, database, 4);
        store = new PostgresEventStore(pool, new AppendSignal());
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        database.drop();
    }
}

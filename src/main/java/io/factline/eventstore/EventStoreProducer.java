package io.factline.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.vertx.mutiny.sqlclient.Pool;

@ApplicationScoped
public class EventStoreProducer {

    @Produces
    @Singleton
    AppendSignal appendSignal() {
        return new AppendSignal();
    }

    @Produces
    @Singleton
    PostgresEventStore eventStore(Pool pool, AppendSignal signal) {
        return new PostgresEventStore(pool, signal);
    }
}

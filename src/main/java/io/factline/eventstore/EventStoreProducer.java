package io.factline.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    PostgresEventStore eventStore(Pool pool, AppendSignal signal,
                                  @ConfigProperty(name = "factline.eventstore.max-batch-events", defaultValue = "1000") int maxBatchEvents) {
        return new PostgresEventStore(pool, signal, maxBatchEvents);
    }
}

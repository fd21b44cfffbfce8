package io.factline.eventstore;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.factline.config.FactlineConfig;

/**
 * The event store, on a small pool of its own. Its statements have fixed shapes and run thousands
 * of times a second, so its connections plan each statement once (plan_cache_mode
 * force_generic_plan); otherwise PostgreSQL re-plans the append on every call, which costs as much as
 * running it. The read models' queries keep the default planning on the main pool.
 */
@ApplicationScoped
public class EventStoreProducer {

    @Produces
    @Singleton
    AppendSignal appendSignal() {
        return new AppendSignal();
    }

    @Produces
    @Singleton
    @Named("event-log")
    Pool logPool(Vertx vertx,
                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                 @ConfigProperty(name = "quarkus.datasource.username") String user,
                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                 FactlineConfig config) {
        PgConnectOptions options = PgConnectOptions.fromUri(url)
                .setUser(user)
                .setPassword(password.orElse(""))
                .setCachePreparedStatements(true)
                .addProperty("plan_cache_mode", "force_generic_plan")
                .addProperty("application_name", "factline-log");
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.eventstore().poolSize()).setName("factline-log"))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
    }

    void closeLogPool(@Disposes @Named("event-log") Pool pool) {
        pool.closeAndForget();
    }

    @Produces
    @Singleton
    PostgresEventStore eventStore(@Named("event-log") Pool pool, AppendSignal signal) {
        return new PostgresEventStore(pool, signal);
    }
}

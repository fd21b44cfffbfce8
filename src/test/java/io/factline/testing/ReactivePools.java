package io.factline.testing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/** Reactive PostgreSQL pools for tests that run without a Quarkus application. */
public final class ReactivePools {

    private ReactivePools() {
    }

    public static Pool open(Vertx vertx, TestDatabase.Database database, int size) {
        PgConnectOptions connect = PgConnectOptions.fromUri(database.url())
                .setUser(database.user()).setPassword(database.password())
                .setCachePreparedStatements(true)
                .addProperty("plan_cache_mode", "force_generic_plan");
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(connect)
                .using(vertx.getDelegate())
                .build());
    }
}

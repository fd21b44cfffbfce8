package io.factline.projection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * factline_projection_lag_events: how many committed events the read models have yet to apply,
 * measured every few seconds (a gauge must not query on scrape).
 */
@ApplicationScoped
public class ProjectionLag {

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "factline.metrics.lag-interval", defaultValue = "PT5S")
    Duration interval;

    private final AtomicLong lag = new AtomicLong();
    private long timerId = -1;

    void start(@Observes StartupEvent event) {
        Gauge.builder("factline.projection.lag", lag, AtomicLong::get).baseUnit("events")
                .description("committed events the read models have yet to apply").register(registry);
        timerId = vertx.setPeriodic(interval.toMillis(), id -> measure());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void measure() {
        pool.query("select (select count(*) from event e where e.position > c.position and e.position < event_horizon()) "
                        + "from projection_checkpoint c where c.projection = 'read-models'").execute()
                .subscribe().with(rows -> {
                    if (rows.size() > 0) {
                        lag.set(rows.iterator().next().getLong(0));
                    }
                }, failure -> { /* the database may be away; the last figure stands until it is back */ });
    }
}

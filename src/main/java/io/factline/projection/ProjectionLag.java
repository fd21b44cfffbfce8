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
import io.smallrye.mutiny.Uni;
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

    /** Where the read models are in the log, the log's head, and how many events they have yet to apply. */
    public record Status(long position, long head, long lag) {
    }

    public Uni<Status> status() {
        return pool.query("select c.position, (select coalesce(max(position), 0) from event where position < event_horizon()), "
                        + "(select count(*) from event e where e.position > c.position and e.position < event_horizon()) "
                        + "from projection_checkpoint c where c.projection = 'read-models'").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Status(row.getLong(0), row.getLong(1), row.getLong(2));
                });
    }

    private void measure() {
        status().subscribe().with(status -> lag.set(status.lag()),
                failure -> { /* the database may be away; the last figure stands until it is back */ });
    }
}

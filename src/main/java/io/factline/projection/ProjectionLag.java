package io.factline.projection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


import io.factline.config.FactlineConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * factline_projection_lag_events: how many committed events the read models have yet to apply,
 * measured every few seconds (a gauge must not query on scrape) and on demand (the admin API).
 * <p>
 * Positions are not event counts (they come from transaction ids), so the lag is counted, but
 * incrementally: each measurement starts from the last one and counts only the events the
 * checkpoint passed and the events appended since, never the whole backlog again. A backlog of a
 * million events is counted once, then a few thousand a time.
 */
@ApplicationScoped
public class ProjectionLag {

    /** From the last status: events it counted as applied since, and events appended after its head. */
    static final String SQL = """
            select c.position, h.head,
                   (select count(*) from event e where e.position > $1 and e.position <= least(c.position, $2)),
                   (select count(*) from event e where e.position > greatest(c.position, $2) and e.position <= h.head)
              from projection_checkpoint c,
                   (select coalesce(max(position), 0) as head from event where position < event_horizon()) h
             where c.projection = 'read-models'
            """;

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @Inject
    FactlineConfig config;

    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<Status> last = new AtomicReference<>(Status.NONE);
    private final AtomicBoolean measuring = new AtomicBoolean();
    private long timerId = -1;

    void start(@Observes StartupEvent event) {
        Gauge.builder("factline.projection.lag", lag, AtomicLong::get).baseUnit("events")
                .description("committed events the read models have yet to apply").register(registry);
        timerId = vertx.setPeriodic(config.metrics().lagInterval().toMillis(), id -> measure());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Where the read models are in the log, the log's head, and how many events they have yet to apply. */
    public record Status(long position, long head, long lag) {
        static final Status NONE = new Status(0, 0, 0);
    }

    public Uni<Status> status() {
        Status from = last.get();
        return countFrom(from)
                // the checkpoint or the head went back (a restored database): count afresh
                .chain(next -> next != null ? Uni.createFrom().item(next) : countFrom(Status.NONE))
                .invoke(next -> {
                    last.set(next); // every status is exact, so an older one stored by a race only costs counting
                    lag.set(next.lag());
                });
    }

    private Uni<Status> countFrom(Status from) {
        // withConnection, not a one-shot pool query: when no connection can be made, the one-shot
        // form fails the caller and then, at its acquire timeout, fails again as an uncaught
        // "Result is already complete" (vertx-sql-client 4.5, issue 1706)
        return pool.withConnection(connection -> connection.preparedQuery(SQL).execute(Tuple.of(from.position(), from.head())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return next(from, row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3));
                });
    }

    /**
     * The status at (position, head), from the previous one and the two counts of {@link #SQL}; null
     * where the previous one cannot serve (the checkpoint or the head moved back).
     */
    static Status next(Status from, long position, long head, long applied, long appended) {
        if (position < from.position() || head < from.head()) {
            return null;
        }
        if (position >= from.head()) {
            // all of the previous backlog is applied: what is left was all counted just now
            return new Status(position, head, appended);
        }
        return new Status(position, head, from.lag() - applied + appended);
    }

    private void measure() {
        // one at a time: on a slow database, ticks would otherwise pile queries onto the pool
        if (!measuring.compareAndSet(false, true)) {
            return;
        }
        status().subscribe().with(status -> measuring.set(false),
                failure -> measuring.set(false)); // the database may be away; the last figure stands until it is back
    }
}

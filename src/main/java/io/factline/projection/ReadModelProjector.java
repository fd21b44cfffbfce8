package io.factline.projection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.factline.config.FactlineConfig;
import io.factline.domain.EventCodec;
import io.factline.eventstore.AppendSignal;
import io.factline.eventstore.Outages;
import io.factline.eventstore.PostgresEventStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the read models up to date with the log. Each batch runs in one transaction that locks the
 * projection's checkpoint row, reads the events after it, applies them and moves the checkpoint: so
 * several instances may run this loop against one database and every event is applied once, in order.
 */
@ApplicationScoped
public class ReadModelProjector {

    private static final Logger LOG = Logger.getLogger(ReadModelProjector.class);
    static final String NAME = "read-models";

    @Inject
    Pool pool;
    @Inject
    PostgresEventStore store;
    @Inject
    AppendSignal signal;
    @Inject
    Vertx vertx;
    @Inject
    FactlineConfig config;

    private final EventCodec codec = new EventCodec();
    private final NameCache names = new NameCache();
    private final AtomicLong projected = new AtomicLong(-1);
    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waiters = new ConcurrentSkipListMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private long timerId = -1;
    private volatile int failuresInARow;
    private volatile String lastFailure;
    private volatile long pausedUntil;

    void start(@Observes StartupEvent event) {
        signal.addListener(this::wake);
        timerId = vertx.setPeriodic(config.projection().pollInterval().toMillis(), id -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** How many batches in a row have failed (0 once one succeeds), and why the last one did. */
    public record Health(int failuresInARow, String lastFailure, long position) {
    }

    public Health health() {
        return new Health(failuresInARow, failuresInARow == 0 ? null : lastFailure, projected.get());
    }

    /** Completes once the views include the event at this position (read-your-writes for commands). */
    public Uni<Void> awaitProjected(long position, Duration timeout) {
        // deferred: a retry subscribes again, and must wait again, not meet the first wait's timeout
        return Uni.createFrom().deferred(() -> awaitNow(position, timeout));
    }

    private Uni<Void> awaitNow(long position, Duration timeout) {
        if (projected.get() >= position) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> waiter = waiters.computeIfAbsent(position, p -> new CompletableFuture<>());
        if (projected.get() >= position) {
            // the projector may have released the waiters just before this one was added
            waiter.complete(null);
            waiters.remove(position, waiter);
        }
        wake();
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(waiter.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .onFailure(java.util.concurrent.TimeoutException.class)
                .transform(t -> new ProjectionLagException(position, projected.get()))
                // the timeout fires on a JDK timer thread: go on where the caller was (reads need its context)
                .emitOn(task -> {
                    if (caller != null) {
                        caller.runOnContext(ignored -> task.run());
                    } else {
                        task.run();
                    }
                });
    }

    public void wake() {
        again.set(true);
        if (!stopped && System.currentTimeMillis() >= pausedUntil && running.compareAndSet(false, true)) {
            runUntilCaughtUp();
        }
    }

    private void runUntilCaughtUp() {
        again.set(false);
        catchUp().subscribe().with(
                ignored -> {
                    failuresInARow = 0;
                    running.set(false);
                    if (again.get()) {
                        wake();
                    }
                },
                failure -> {
                    // back off (1 s, 2 s, 4 s … 60 s) so that an event the views cannot take does not flood the log;
                    // while the database is away, try every second or two, to be back as soon as it is
                    long delay = Math.min(Outages.isOutage(failure) ? 2_000L : 60_000L, 1000L << Math.min(failuresInARow, 6));
                    failuresInARow++;
                    lastFailure = String.valueOf(failure.getMessage());
                    pausedUntil = System.currentTimeMillis() + delay;
                    running.set(false);
                    if (stopped) {
                        return;
                    }
                    if (!Outages.isOutage(failure)) {
                        LOG.errorf(failure, "projecting the log failed after position %d; retrying in %d s",
                                projected.get(), delay / 1000);
                    } else if (failuresInARow == 1 || failuresInARow % 30 == 0) { // one line, not a stack a second
                        LOG.warnf("projecting paused at position %d: the database is away (%s); retrying every %d s",
                                projected.get(), failure.getMessage(), delay / 1000);
                    }
                });
    }

    private Uni<Void> catchUp() {
        return projectOneBatch().chain(count -> count > 0 && !stopped ? catchUp() : Uni.createFrom().voidItem());
    }

    /** One transaction: lock the checkpoint, apply what follows it, move it. Returns the events applied. */
    Uni<Integer> projectOneBatch() {
        return pool.withTransaction(connection -> lockCheckpoint(connection)
                .chain(checkpoint -> store.readAll(connection, checkpoint, config.projection().batchSize())
                        .chain(events -> {
                            if (events.isEmpty()) {
                                return Uni.createFrom().item(new long[] {checkpoint, 0});
                            }
                            long last = events.get(events.size() - 1).position();
                            return new BatchProjection(codec, names, true).apply(connection, events)
                                    .chain(() -> saveCheckpoint(connection, last))
                                    .replaceWith(new long[] {last, events.size()});
                        })))
                .invoke(result -> advanceTo(result[0]))
                .map(result -> (int) result[1]);
    }

    /**
     * Empties every view and replays the whole log into them, in one transaction: readers keep seeing
     * the old views until it commits, then the new ones. Meanwhile the live projection waits, and
     * the log's horizon stays at the rebuild's start (the transaction is still running), so writes
     * are recorded but not yet shown. The name cache stays: names never change once registered.
     */
    public Uni<RebuildReport> rebuild() {
        long started = System.nanoTime();
        return pool.withTransaction(connection -> lockCheckpoint(connection)
                        .chain(() -> ReadModels.resetAll(connection))
                        .chain(() -> replay(connection, 0, 0))
                        .call(() -> ReadModels.recountAll(connection))
                        .call(() -> ReadModels.analyzeAll(connection))
                        .call(report -> saveCheckpoint(connection, report[0])))
                .map(result -> {
                    advanceTo(result[0]);
                    return new RebuildReport(result[1], result[0],
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                });
    }

    private Uni<long[]> replay(SqlConnection connection, long after, long applied) {
        return store.readAll(connection, after, config.projection().rebuildBatchSize()).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(new long[] {after, applied});
            }
            long last = events.get(events.size() - 1).position();
            return new BatchProjection(codec, names, false).apply(connection, events)
                    .chain(() -> replay(connection, last, applied + events.size()));
        });
    }

    public record RebuildReport(long events, long position, long millis) {
    }

    private static Uni<Long> lockCheckpoint(SqlConnection connection) {
        return connection.preparedQuery("select position from projection_checkpoint where projection = $1 for update")
                .execute(Tuple.of(NAME))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<Void> saveCheckpoint(SqlConnection connection, long position) {
        return connection.preparedQuery("update projection_checkpoint set position = $2 where projection = $1")
                .execute(Tuple.of(NAME, position))
                .replaceWithVoid();
    }

    private void advanceTo(long position) {
        projected.accumulateAndGet(position, Math::max);
        release();
    }

    private void release() {
        long upTo = projected.get();
        Map.Entry<Long, CompletableFuture<Void>> first;
        while ((first = waiters.firstEntry()) != null && first.getKey() <= upTo) {
            if (waiters.remove(first.getKey(), first.getValue())) {
                first.getValue().complete(null);
            }
        }
    }

    /** The views did not reach a position in time; the write is recorded, only not yet visible. */
    public static class ProjectionLagException extends RuntimeException {
        public ProjectionLagException(long wanted, long reached) {
            super("the views have reached position " + reached + ", not yet " + wanted);
        }
    }
}

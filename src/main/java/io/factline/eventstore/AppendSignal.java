package io.factline.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Uni;

/**
 * Wakes followers of the log when this process has appended something. Appends of other processes
 * are found by polling. A wake-up is only a hint; followers always re-read the log.
 */
public final class AppendSignal {

    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void signal() {
        next.getAndSet(new CompletableFuture<>()).complete(null);
        listeners.forEach(Runnable::run);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Completes at the next signal, or after the timeout, whichever comes first. */
    public Uni<Void> awaitNext(Duration timeout) {
        CompletableFuture<Void> waiting = next.get();
        return Uni.createFrom().completionStage(
                waiting.copy().completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}

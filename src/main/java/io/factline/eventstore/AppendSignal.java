package io.factline.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Uni;

/**
 * Wakes followers of the log when this process has appended something. Appends of other processes
 * are found by polling. A wake-up is only a hint; followers always re-read the log.
 */
public final class AppendSignal {

    private final Set<CompletableFuture<Void>> waiting = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void signal() {
        for (CompletableFuture<Void> waiter : waiting) {
            waiter.complete(null);
        }
        listeners.forEach(Runnable::run);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Completes at the next signal, or after the timeout, whichever comes first; then forgets the waiter. */
    public Uni<Void> awaitNext(Duration timeout) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiting.add(waiter);
            waiter.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, failure) -> waiting.remove(waiter));
            return Uni.createFrom().completionStage(waiter);
        });
    }

    int waiting() {
        return waiting.size();
    }
}

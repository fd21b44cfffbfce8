package io.factline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an operation in a loop on N clients for a while, after a warm-up, and reports its rate and latencies. */
final class Timed {

    record Result(double perSecond, double p50Ms, double p99Ms, long operations) {
    }

    interface Operation {
        /** Runs once; returns how many units of work it did (events appended, queries answered). */
        int run() throws Exception;
    }

    private Timed() {
    }

    static Result run(int clients, Duration warmUp, Duration measure, Callable<Operation> perClient) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<long[]>>> futures = new ArrayList<>();
            long start = System.nanoTime() + warmUp.toNanos();
            long end = start + measure.toNanos();
            for (int c = 0; c < clients; c++) {
                futures.add(threads.submit(() -> {
                    Operation op = perClient.call();
                    List<long[]> samples = new ArrayList<>();
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            return samples;
                        }
                        int units = op.run();
                        long after = System.nanoTime();
                        if (before >= start) {
                            samples.add(new long[] {after - before, units});
                        }
                    }
                }));
            }
            List<Long> latencies = new ArrayList<>();
            long units = 0;
            for (Future<List<long[]>> future : futures) {
                for (long[] sample : future.get()) {
                    latencies.add(sample[0]);
                    units += sample[1];
                }
            }
            Collections.sort(latencies);
            double seconds = measure.toNanos() / 1e9;
            return new Result(units / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.size());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The same for a non-blocking operation, each client chaining its next call on the completion of
     * the last, as a reactive service calls the store: no thread waits.
     */
    static Result runAsync(int clients, Duration warmUp, Duration measure,
                           java.util.function.Supplier<io.smallrye.mutiny.Uni<Integer>> operation) throws Exception {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measure.toNanos();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(clients);
        List<List<long[]>> all = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            List<long[]> samples = new ArrayList<>();
            all.add(samples);
            loop(operation, samples, start, end, done, failure);
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        List<Long> latencies = new ArrayList<>();
        long units = 0;
        for (List<long[]> samples : all) {
            for (long[] sample : samples) {
                latencies.add(sample[0]);
                units += sample[1];
            }
        }
        Collections.sort(latencies);
        return new Result(units / (measure.toNanos() / 1e9), percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.size());
    }

    private static void loop(java.util.function.Supplier<io.smallrye.mutiny.Uni<Integer>> operation, List<long[]> samples,
                             long start, long end, java.util.concurrent.CountDownLatch done,
                             java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
        long before = System.nanoTime();
        if (before >= end || failure.get() != null) {
            done.countDown();
            return;
        }
        operation.get().subscribe().with(units -> {
            long after = System.nanoTime();
            if (before >= start) {
                samples.add(new long[] {after - before, units});
            }
            loop(operation, samples, start, end, done, failure);
        }, error -> {
            failure.set(error);
            done.countDown();
        });
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

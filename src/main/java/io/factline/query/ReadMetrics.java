package io.factline.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts the reads the query layer sends to the database, by kind (factline_reads_total{read=…}). */
@ApplicationScoped
public class ReadMetrics {

    @Inject
    MeterRegistry registry;

    void count(String read) {
        registry.counter("factline.reads", "read", read).increment();
    }

    public double total(String read) {
        var counter = registry.find("factline.reads").tag("read", read).counter();
        return counter == null ? 0 : counter.count();
    }
}

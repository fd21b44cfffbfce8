package io.factline.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures both sides in alternation, several rounds, and keeps the round with the median ratio:
 * on a noisy two-core machine, one round of each can differ by 20% from the next.
 */
final class Rounds {

    record Pair(Timed.Result ours, double raw, String note) {
    }

    private Rounds() {
    }

    static Pair interleaved(Callable<Timed.Result> ours, Callable<Double> raw) throws Exception {
        int rounds = Integer.parseInt(Bench.env("FACTLINE_BENCH_ROUNDS", "3"));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            pairs.add(new Pair(ours.call(), raw.call(), ""));
        }
        pairs.sort(Comparator.comparingDouble(p -> p.ours().perSecond() / p.raw()));
        Pair median = pairs.get(pairs.size() / 2);
        StringBuilder ratios = new StringBuilder();
        for (Pair p : pairs) {
            ratios.append(ratios.length() == 0 ? "" : ", ").append(String.format("%.2f", p.ours().perSecond() / p.raw()));
        }
        return new Pair(median.ours(), median.raw(), "median of " + rounds + " rounds (" + ratios + ")");
    }
}

package io.factline.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's figures, each beside raw PostgreSQL doing the same work in the same run. */
final class Report {

    record Line(String work, double ours, String unit, double raw, String rawWork, double target, String note) {
        double ratio() {
            return ours / raw;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    void add(String work, double ours, String unit, double raw, String rawWork, double target, String note) {
        Line line = new Line(work, ours, unit, raw, rawWork, target, note);
        lines.add(line);
        System.out.printf("  %s: %.0f %s; raw PostgreSQL (%s) %.0f %s; ratio %.2f%n", work, ours, unit, rawWork, raw, unit,
                line.ratio());
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("| %-40s | %14s | %-34s | %14s | %6s | %7s | %s%n", "work", "factline", "raw PostgreSQL, same run",
                "raw", "ratio", "target", "notes"));
        out.append("|").append("-".repeat(42)).append("|").append("-".repeat(16)).append("|").append("-".repeat(36))
                .append("|").append("-".repeat(16)).append("|").append("-".repeat(8)).append("|").append("-".repeat(9))
                .append("|------\n");
        for (Line l : lines) {
            String target = Double.isNaN(l.target()) ? "" : String.format("≥ %.1f", l.target());
            String verdict = Double.isNaN(l.target()) ? "" : l.ratio() >= l.target() ? " met" : " MISSED";
            out.append(String.format("| %-40s | %,10.0f %-3s | %-34s | %,10.0f %-3s | %6.3f | %7s | %s%n", l.work(), l.ours(),
                    abbreviation(l.unit()), l.rawWork(), l.raw(), abbreviation(l.unit()), l.ratio(), target,
                    (l.note() + verdict).strip()));
        }
        return out.toString();
    }

    private static String abbreviation(String unit) {
        return unit.equals("events/s") ? "e/s" : unit.equals("queries/s") ? "q/s" : unit;
    }
}

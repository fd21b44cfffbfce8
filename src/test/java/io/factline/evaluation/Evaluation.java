package io.factline.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.factline.evaluation.ErrorAnalysis.Errors;
import io.factline.evaluation.ErrorAnalysis.Reason;

/**
 * Scores served facts against the development set's gold, document by document, and renders the
 * result: per-document and micro-averaged precision, recall and F1, and the error analysis (every
 * missed required fact and every unmatched served fact, with its reason, and counts per reason).
 */
public final class Evaluation {

    /** One document's facts as served, scored. */
    public record Row(DevSet.Document document, List<JsonNode> facts, GoldScorer.Score score, Errors errors) {
    }

    /** Sums over several documents: micro-averaged figures. */
    public record Total(int facts, int counted, int required, int matched) {
        public double precision() {
            return counted == 0 ? 0 : (double) matched / counted;
        }

        public double recall() {
            return required == 0 ? 0 : (double) matched / required;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public Row add(DevSet.Document document, List<JsonNode> facts) {
        GoldScorer.Scored scored = document.gold().scored(document.text(), facts);
        Row row = new Row(document, facts, scored.score(), ErrorAnalysis.of(document.gold(), scored, document.text(), facts));
        rows.add(row);
        return row;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Micro average over the documents other than the seed: the development set's headline figure. */
    public Total withoutSeed() {
        return total(false);
    }

    public Row seed() {
        return rows.stream().filter(r -> r.document().isSeed()).findFirst().orElse(null);
    }

    private Total total(boolean withSeed) {
        int facts = 0;
        int counted = 0;
        int required = 0;
        int matched = 0;
        for (Row r : rows) {
            if (withSeed || !r.document().isSeed()) {
                facts += r.score().facts();
                counted += r.score().counted();
                required += r.score().required();
                matched += r.score().matched();
            }
        }
        return new Total(facts, counted, required, matched);
    }

    /** Missed required facts and unmatched served facts per reason, over the documents other than the seed. */
    public Map<Reason, int[]> reasonCounts(boolean withSeed) {
        Map<Reason, int[]> counts = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            counts.put(reason, new int[2]);
        }
        for (Row r : rows) {
            if (withSeed || !r.document().isSeed()) {
                r.errors().misses().forEach(m -> counts.get(m.reason())[0]++);
                r.errors().extras().forEach(e -> counts.get(e.reason())[1]++);
            }
        }
        return counts;
    }

    /** The per-document table and the reasons, as printed on the console. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-56s %5s %7s %8s %7s %6s %6s %6s%n", "document", "facts", "counted",
                "required", "matched", "P", "R", "F1"));
        for (Row r : rows) {
            GoldScorer.Score s = r.score();
            b.append(String.format(Locale.ROOT, "%-56s %5d %7d %8d %7d %6.3f %6.3f %6.3f%n", r.document().name(), s.facts(),
                    s.counted(), s.required(), s.matched(), s.precision(), s.recall(), s.f1()));
        }
        for (boolean withSeed : new boolean[] {false, true}) {
            Total t = total(withSeed);
            b.append(String.format(Locale.ROOT, "%-56s %5d %7d %8d %7d %6.3f %6.3f %6.3f%n",
                    withSeed ? "micro average, all documents" : "micro average, without the seed", t.facts(), t.counted(),
                    t.required(), t.matched(), t.precision(), t.recall(), t.f1()));
        }
        b.append(String.format(Locale.ROOT, "%nerrors without the seed: %-44s %6s %6s%n", "reason", "missed", "extra"));
        reasonCounts(false).forEach((reason, n) -> {
            if (n[0] + n[1] > 0) {
                b.append(String.format(Locale.ROOT, "  %-66s %6d %6d%n", reason.label, n[0], n[1]));
            }
        });
        return b.toString();
    }

    /** The full report in Markdown: scores, reasons, and every error with its sentence. */
    public String markdown(String title, String preamble) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(title).append("\n\n").append(preamble).append("\n\n## Scores\n\n");
        b.append("| document | facts | counted | required | matched | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            GoldScorer.Score s = r.score();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", r.document().name(),
                    s.facts(), s.counted(), s.required(), s.matched(), s.precision(), s.recall(), s.f1()));
        }
        for (boolean withSeed : new boolean[] {false, true}) {
            Total t = total(withSeed);
            b.append(String.format(Locale.ROOT, "| **micro average, %s** | %d | %d | %d | %d | **%.3f** | **%.3f** | **%.3f** |%n",
                    withSeed ? "all documents" : "without the seed", t.facts(), t.counted(), t.required(), t.matched(),
                    t.precision(), t.recall(), t.f1()));
        }
        b.append("\n## Errors by reason\n\nCounted over the documents other than the seed (the seed's own in brackets).\n\n");
        b.append("| reason | missed required facts | unmatched served facts |\n|---|---|---|\n");
        Map<Reason, int[]> without = reasonCounts(false);
        Map<Reason, int[]> all = reasonCounts(true);
        for (Reason reason : Reason.values()) {
            int[] n = without.get(reason);
            int[] a = all.get(reason);
            if (a[0] + a[1] > 0) {
                b.append(String.format(Locale.ROOT, "| %s | %d (%d) | %d (%d) |%n", reason.label, n[0], a[0] - n[0], n[1], a[1] - n[1]));
            }
        }
        b.append("\n## Errors per document\n");
        for (Row r : rows) {
            b.append("\n### ").append(r.document().name()).append("\n\n").append(r.score()).append("\n");
            if (!r.errors().misses().isEmpty()) {
                b.append("\nMissed required facts:\n\n");
                for (ErrorAnalysis.Miss m : r.errors().misses()) {
                    JsonNode g = m.gold();
                    b.append("- `").append(g.get("id").asText()).append("` ").append(g.get("type").asText()).append(' ')
                            .append(ErrorAnalysis.goldDate(g)).append(' ').append(g.get("actors")).append(" — **")
                            .append(m.reason().label).append("**").append(m.detail().isEmpty() ? "" : " (" + m.detail() + ")")
                            .append(": ").append(g.get("summary").asText()).append(" — “").append(clip(g.get("quote").asText()))
                            .append("”\n");
                }
            }
            if (!r.errors().extras().isEmpty()) {
                b.append("\nUnmatched served facts:\n\n");
                for (ErrorAnalysis.Extra e : r.errors().extras()) {
                    JsonNode f = e.fact();
                    b.append("- ").append(f.path("type").asText()).append(' ').append(ErrorAnalysis.factDate(f)).append(' ')
                            .append(GoldScorer.actorKeys(f)).append(" — **").append(e.reason().label).append("**")
                            .append(e.detail().isEmpty() ? "" : " (" + e.detail() + ")").append(": “")
                            .append(clip(f.path("sources").path(0).path("quote").asText(""))).append("”\n");
                }
            }
        }
        return b.toString();
    }

    private static String clip(String quote) {
        String s = quote.replaceAll("\\s+", " ").strip();
        return s.length() <= 220 ? s : s.substring(0, 219) + "…";
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.factline.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.factline.evaluation.GoldScorer.Check;
import io.factline.evaluation.GoldScorer.Interval;

/**
 * Why each required gold fact was missed and why each served fact matched nothing: the reason is
 * the furthest any candidate got through score.py's checks (sentence, type, date, actors), so a
 * missed fact with a same-typed fact on its sentence but an undated one reads "no date".
 */
public final class ErrorAnalysis {

    public enum Reason {
        NO_FACT_ON_SENTENCE("no fact on that sentence"),
        WRONG_TYPE("wrong type"),
        NO_DATE("no date"),
        DATE_COARSER("date coarser than gold"),
        TARGET_DATE("target date taken as the fact's date"),
        WRONG_DATE("wrong date"),
        NO_GOLD_ACTOR("no gold actor"),
        SPENT("its match was spent on another gold fact"),
        DUPLICATE("a second fact for a gold fact already matched"),
        NOT_IN_GOLD("fact the gold does not have");

        public final String label;

        Reason(String label) {
            this.label = label;
        }
    }

    /** A required gold fact that no served fact matched. */
    public record Miss(JsonNode gold, Reason reason, String detail) {
    }

    /** A served fact that matched no gold fact. */
    public record Extra(JsonNode fact, Reason reason, String detail) {
    }

    public record Errors(List<Miss> misses, List<Extra> extras) {
    }

    private ErrorAnalysis() {
    }

    public static Errors of(GoldScorer scorer, GoldScorer.Scored scored, String text, List<JsonNode> facts) {
        List<Miss> misses = new ArrayList<>();
        Set<Integer> spent = new HashSet<>(scored.pairs().values());
        for (JsonNode g : scorer.goldFacts()) {
            if (!g.path("required").asBoolean() || scored.pairs().containsKey(g.get("id").asText())) {
                continue;
            }
            List<JsonNode> onSentence = facts.stream().filter(f -> GoldScorer.overlaps(g, f, text)).toList();
            if (onSentence.isEmpty()) {
                misses.add(new Miss(g, Reason.NO_FACT_ON_SENTENCE, ""));
                continue;
            }
            Verdict best = null;
            for (JsonNode f : onSentence) {
                Verdict v = verdict(scorer, g, f, text);
                if (best == null || v.rank() > best.rank()) {
                    best = v;
                }
            }
            Reason reason = best.reason() == null ? Reason.SPENT : best.reason();
            misses.add(new Miss(g, reason, best.detail()));
        }
        List<Extra> extras = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (spent.contains(i)) {
                continue;
            }
            JsonNode f = facts.get(i);
            List<JsonNode> overlapping = scorer.goldFacts().stream().filter(g -> GoldScorer.overlaps(g, f, text)).toList();
            if (overlapping.isEmpty()) {
                extras.add(new Extra(f, Reason.NOT_IN_GOLD, ""));
                continue;
            }
            Verdict best = null;
            for (JsonNode g : overlapping) {
                Verdict v = verdict(scorer, g, f, text);
                if (best == null || v.rank() > best.rank()) {
                    best = v;
                }
            }
            extras.add(new Extra(f, best.reason() == null ? Reason.DUPLICATE : best.reason(), best.detail()));
        }
        return new Errors(misses, extras);
    }

    /** How far a fact got against a gold fact: higher is further; a null reason is a full match. */
    private record Verdict(int rank, Reason reason, String detail) {
    }

    private static Verdict verdict(GoldScorer scorer, JsonNode g, JsonNode f, String text) {
        Check check = scorer.check(g, f, text);
        String gid = g.get("id").asText();
        return switch (check) {
            case TYPE, EVIDENCE -> new Verdict(0, Reason.WRONG_TYPE,
                    gid + " is " + g.get("type").asText() + ", served " + f.path("type").asText());
            case NO_DATE -> new Verdict(1, Reason.NO_DATE, gid + " is dated " + goldDate(g));
            case DATE_COARSER -> new Verdict(2, Reason.DATE_COARSER, gid + " is dated " + goldDate(g) + ", served " + factDate(f));
            case DATE_OUTSIDE -> new Verdict(2, targetTaken(g, f, text) ? Reason.TARGET_DATE : Reason.WRONG_DATE,
                    gid + " is dated " + goldDate(g) + ", served " + factDate(f));
            case ACTOR -> new Verdict(3, Reason.NO_GOLD_ACTOR, gid + " has " + g.get("actors") + ", served "
                    + GoldScorer.actorKeys(f));
            case MATCH -> new Verdict(4, null, gid);
        };
    }

    /**
     * A date later than the act that the sentence itself names: the fact took a date the act points
     * to ("agreed to transfer … by 2015") for when it happened.
     */
    private static boolean targetTaken(JsonNode g, JsonNode f, String text) {
        Interval gd = GoldScorer.goldInterval(g);
        Interval fd = GoldScorer.factInterval(f);
        if (gd == null || fd == null || fd.start().compareTo(gd.end()) <= 0) {
            return false;
        }
        String dateText = f.path("date").path("text").asText("");
        return !dateText.isBlank() && g.get("quote").asText().contains(dateText);
    }

    static String goldDate(JsonNode g) {
        return g.path("date").isNull() ? "none" : g.path("date").asText() + " (" + g.path("precision").asText() + ")";
    }

    static String factDate(JsonNode f) {
        JsonNode d = f.path("date");
        return d.path("start").isNull() || d.path("start").isMissingNode() ? "none"
                : d.path("start").asText() + " (" + d.path("precision").asText() + ")";
    }
}

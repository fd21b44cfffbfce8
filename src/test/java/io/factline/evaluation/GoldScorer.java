package io.factline.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scoring rule of {@code score.py} (next to the gold), in Java, so that the build scores the
 * pipeline exactly as that script does: one-to-one greedy matching on type, overlapping evidence, a
 * date inside the gold interval and not coarser, and one actor in common (a state stands for its
 * officials where the gold's affiliations say so); optional gold facts count neither way. Facts are
 * JSON in the service's REST shape.
 */
public final class GoldScorer {

    public record Score(int facts, int counted, int required, int matched, double precision, double recall, double f1,
                        List<String> missed, List<String> extra) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "facts %d, counted %d, required %d, matched %d: precision %.3f, recall %.3f, F1 %.3f",
                    facts, counted, required, matched, precision, recall, f1);
        }
    }

    /** Which extracted fact (by index) each matched gold fact (by id) was paired with. */
    public record Scored(Score score, Map<String, Integer> pairs) {
    }

    /** Why a fact and a gold fact that share evidence do not match: the first check that fails. */
    public enum Check { TYPE, EVIDENCE, NO_DATE, DATE_COARSER, DATE_OUTSIDE, ACTOR, MATCH }

    private final JsonNode gold;
    private final List<JsonNode> goldFacts = new ArrayList<>();
    private final Map<String, Set<String>> goldAlias = new HashMap<>();
    private final Map<String, String> affiliation = new HashMap<>();

    public GoldScorer(JsonNode gold) {
        this.gold = gold;
        gold.get("facts").forEach(goldFacts::add);
        gold.path("actors").fields().forEachRemaining(e -> {
            Set<String> keys = new HashSet<>(Set.of(slug(e.getKey())));
            e.getValue().forEach(a -> keys.add(slug(a.asText())));
            goldAlias.put(e.getKey(), keys);
        });
        gold.path("affiliations").fields().forEachRemaining(e -> affiliation.put(e.getKey(), e.getValue().asText()));
    }

    public static GoldScorer fromResource(String resource) {
        try (InputStream in = GoldScorer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no gold at " + resource);
            }
            return new GoldScorer(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode gold() {
        return gold;
    }

    public List<JsonNode> goldFacts() {
        return goldFacts;
    }

    public static String slug(String s) {
        String ascii = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    record Interval(String start, String end, int rank) {
    }

    static Interval interval(String date, String precision) {
        if (date == null || date.isEmpty()) {
            return null;
        }
        String[] parts = date.split("-");
        String y = parts[0];
        if ("YEAR".equals(precision) || parts.length == 1) {
            return new Interval(y + "-01-01", y + "-12-31", 1);
        }
        String m = parts[1];
        if ("MONTH".equals(precision) || parts.length == 2) {
            return new Interval(y + "-" + m + "-01", y + "-" + m + "-31", 2);
        }
        String d = parts[2].substring(0, 2);
        return new Interval(y + "-" + m + "-" + d, y + "-" + m + "-" + d, 3);
    }

    /** The fact's date as score.py reads it, or null when it has none. */
    static Interval factInterval(JsonNode f) {
        JsonNode d = f.path("date");
        String raw = d.isObject() ? (d.hasNonNull("start") ? d.get("start").asText() : d.path("value").asText(null)) : d.asText(null);
        String p = d.isObject() ? d.path("precision").asText("").toUpperCase(Locale.ROOT)
                : f.path("precision").asText("").toUpperCase(Locale.ROOT);
        return raw != null && !raw.isEmpty() && !p.isEmpty() && !p.equals("UNKNOWN") ? interval(raw, p) : null;
    }

    static Interval goldInterval(JsonNode g) {
        return g.hasNonNull("date") && !g.get("date").asText().isEmpty()
                ? interval(g.get("date").asText(), g.path("precision").asText(null)) : null;
    }

    static List<int[]> spans(JsonNode fact, String text) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode s : fact.path("sources")) {
            String quote = s.path("quote").asText(null);
            int i = quote == null || quote.isEmpty() ? -1 : text.indexOf(quote);
            if (i >= 0) {
                out.add(new int[] {i, i + quote.length()});
            } else if (s.path("start").isInt() && s.path("end").isInt()) {
                out.add(new int[] {s.get("start").asInt(), s.get("end").asInt()});
            }
        }
        return out;
    }

    static Set<String> actorKeys(JsonNode fact) {
        Set<String> keys = new HashSet<>();
        for (JsonNode a : fact.path("actors")) {
            if (a.isTextual()) {
                keys.add(slug(a.asText()));
                continue;
            }
            JsonNode inner = a.path("actor").isObject() ? a.get("actor") : a;
            for (String k : List.of("id", "name")) {
                if (inner.hasNonNull(k) && !inner.get(k).asText().isEmpty()) {
                    keys.add(slug(inner.get(k).asText()));
                }
            }
        }
        return keys;
    }

    static boolean overlaps(JsonNode g, JsonNode f, String text) {
        String quote = g.get("quote").asText();
        int gi = text.indexOf(quote);
        int ge = gi + quote.length();
        return spans(f, text).stream().anyMatch(s -> s[0] < ge && gi < s[1]);
    }

    /** The first of score.py's checks that the pair fails, in its order, or MATCH. */
    Check check(JsonNode g, JsonNode f, String text) {
        if (!f.path("type").asText("").toUpperCase(Locale.ROOT).equals(g.get("type").asText())) {
            return Check.TYPE;
        }
        if (!overlaps(g, f, text)) {
            return Check.EVIDENCE;
        }
        Interval gd = goldInterval(g);
        if (gd != null) {
            Interval fd = factInterval(f);
            if (fd == null) {
                return Check.NO_DATE;
            }
            if (fd.rank() < gd.rank()) {
                return Check.DATE_COARSER;
            }
            if (!(gd.start().compareTo(fd.start()) <= 0 && fd.end().compareTo(gd.end()) <= 0)) {
                return Check.DATE_OUTSIDE;
            }
        }
        if (g.path("actors").size() > 0) {
            Set<String> wanted = new HashSet<>();
            for (JsonNode n : g.get("actors")) {
                String name = n.asText();
                wanted.addAll(goldAlias.getOrDefault(name, Set.of(slug(name))));
                if (affiliation.containsKey(name)) {
                    String state = affiliation.get(name);
                    wanted.addAll(goldAlias.getOrDefault(state, Set.of(slug(state))));
                }
            }
            Set<String> have = actorKeys(f);
            affiliation.forEach((person, state) -> {
                if (have.contains(slug(person))) {
                    have.add(slug(state));
                }
            });
            have.retainAll(wanted);
            if (have.isEmpty()) {
                return Check.ACTOR;
            }
        }
        return Check.MATCH;
    }

    public Score score(String text, List<JsonNode> facts) {
        return scored(text, facts).score();
    }

    public Scored scored(String text, List<JsonNode> facts) {
        for (JsonNode g : goldFacts) {
            if (!text.contains(g.get("quote").asText())) {
                throw new IllegalArgumentException("gold quote not in document: " + g.get("id").asText());
            }
        }
        List<JsonNode> ordered = new ArrayList<>(goldFacts);
        ordered.sort(Comparator.comparing(g -> !g.path("required").asBoolean())); // stable, as Python's sort
        Set<Integer> used = new HashSet<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        int matchedRequired = 0;
        int matchedOptional = 0;
        for (JsonNode g : ordered) {
            for (int i = 0; i < facts.size(); i++) {
                if (!used.contains(i) && check(g, facts.get(i), text) == Check.MATCH) {
                    used.add(i);
                    pairs.put(g.get("id").asText(), i);
                    if (g.path("required").asBoolean()) {
                        matchedRequired++;
                    } else {
                        matchedOptional++;
                    }
                    break;
                }
            }
        }
        int required = (int) goldFacts.stream().filter(g -> g.path("required").asBoolean()).count();
        int counted = facts.size() - matchedOptional;
        double precision = counted == 0 ? 0 : (double) matchedRequired / counted;
        double recall = required == 0 ? 0 : (double) matchedRequired / required;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        List<String> missed = goldFacts.stream()
                .filter(g -> g.path("required").asBoolean() && !pairs.containsKey(g.get("id").asText()))
                .map(g -> g.get("id").asText() + " " + g.get("type").asText() + ": " + g.get("summary").asText()).toList();
        List<String> extra = new ArrayList<>();
        Set<Integer> spent = new HashSet<>(pairs.values());
        for (int i = 0; i < facts.size(); i++) {
            if (!spent.contains(i)) {
                JsonNode f = facts.get(i);
                extra.add(f.path("type").asText() + " " + f.path("date") + " " + actorKeys(f) + ": "
                        + f.path("sources").path(0).path("quote").asText(""));
            }
        }
        return new Scored(new Score(facts.size(), counted, required, matchedRequired, precision, recall, f1, missed, extra), pairs);
    }
}

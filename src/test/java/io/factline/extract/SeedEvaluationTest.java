package io.factline.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores the pipeline against the hand annotation of the seed document with score.py's rule, and
 * fails below precision 0.85 or recall 0.85. (The same score over REST is checked in
 * {@code io.factline.api.ExtractionApiTest}.)
 */
class SeedEvaluationTest {

    static final double BAR = 0.85;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A draft in the shape of the REST fact, as far as the scoring rule reads it. */
    static JsonNode asRestFact(FactDraft d, String text) {
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("start", d.date().isKnown() ? d.date().start().toString() : null);
        date.put("precision", d.date().precision().name());
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", d.type().name());
        fact.put("date", date);
        fact.put("actors", d.actors().stream().map(a -> Map.of("actor", Map.of("id", a.actorId()), "role", a.role().name())).toList());
        fact.put("sources", List.of(Map.of("quote", text.substring(d.start(), d.end()), "start", d.start(), "end", d.end())));
        return JSON.valueToTree(fact);
    }

    @Test
    void theSeedScoresAtLeastTheBarOnPrecisionAndRecall() throws Exception {
        String text = Files.readString(Path.of("seeds/korea-us-relations.txt"), StandardCharsets.UTF_8);
        List<FactDraft> drafts = RuleBasedExtractor.bundled().extract(new DocumentText(text, null, null));
        List<JsonNode> facts = new ArrayList<>();
        drafts.forEach(d -> facts.add(asRestFact(d, text)));

        GoldScorer.Score score = GoldScorer.fromResource("eval/korea-us-relations.gold.json").score(text, facts);

        System.out.println("[factline evaluation] seed, pipeline " + RuleBasedExtractor.VERSION + ": " + score);
        score.missed().forEach(m -> System.out.println("  missed " + m));
        score.extra().forEach(m -> System.out.println("  extra  " + m));
        assertTrue(score.precision() >= BAR, "precision " + score.precision() + " is under " + BAR);
        assertTrue(score.recall() >= BAR, "recall " + score.recall() + " is under " + BAR);
    }
}

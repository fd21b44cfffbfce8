package io.factline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.extract.DocumentText;
import io.factline.extract.ExtractionData;
import io.factline.extract.FactDraft;
import io.factline.extract.RuleBasedExtractor;

/**
 * The extractor over the whole development set, in process (the same figures over REST come from
 * {@code bench/eval}): prints the per-document table and the reasons of the errors, writes the full
 * report to {@code target/eval/in-process.md}, and fails if the figures fall under the floors the
 * extractor has reached (so a change that loses quality on documents it was not written for is seen).
 */
class DevSetEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> NAMES = new java.util.HashMap<>();

    static {
        ExtractionData.bundled().actors().forEach(a -> NAMES.put(a.id(), a.name()));
    }

    /** A draft in the shape of the REST fact, as far as the scoring rule and the analysis read it. */
    static JsonNode asRestFact(FactDraft d, String text) {
        Map<String, String> names = new java.util.HashMap<>(NAMES);
        d.discovered().forEach(a -> names.put(a.id(), a.name()));
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("start", d.date().isKnown() ? d.date().start().toString() : null);
        date.put("precision", d.date().precision().name());
        date.put("text", d.date().text());
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("type", d.type().name());
        fact.put("date", date);
        fact.put("actors", d.actors().stream().map(a -> Map.of("actor", Map.of("id", a.actorId(),
                "name", names.getOrDefault(a.actorId(), a.actorId())), "role", a.role().name())).toList());
        fact.put("sources", List.of(Map.of("quote", text.substring(d.start(), d.end()), "start", d.start(), "end", d.end())));
        fact.put("summary", d.summary());
        return JSON.valueToTree(fact);
    }

    static Evaluation evaluate(RuleBasedExtractor extractor) {
        Evaluation evaluation = new Evaluation();
        for (DevSet.Document doc : DevSet.load()) {
            List<JsonNode> facts = new ArrayList<>();
            extractor.extract(new DocumentText(doc.text(), null, doc.title())).forEach(d -> facts.add(asRestFact(d, doc.text())));
            evaluation.add(doc, facts);
        }
        return evaluation;
    }

    @Test
    void theDevelopmentSetScoresAtLeastTheFloors() {
        Evaluation evaluation = evaluate(RuleBasedExtractor.bundled());
        System.out.println("[factline evaluation] development set in process, " + RuleBasedExtractor.VERSION + "\n"
                + evaluation.summary());
        Evaluation.write(Path.of("target", "eval", "in-process.md"), evaluation.markdown(
                "factline evaluation, in process (" + RuleBasedExtractor.VERSION + ")",
                "The extractor run on each development document's text, without the service; `bench/eval` measures the same over REST."));

        Evaluation.Row seed = evaluation.seed();
        assertThat(seed.score().precision()).as("seed precision").isGreaterThanOrEqualTo(0.85);
        assertThat(seed.score().recall()).as("seed recall").isGreaterThanOrEqualTo(0.85);
    }
}

package io.factline.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.extract.DocumentText;
import io.factline.extract.ExtractionData;
import io.factline.extract.FactDraft;
import io.factline.extract.RuleBasedExtractor;

/** The development set run through an extractor in process, its drafts in the shape of the REST fact. */
public final class InProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcess() {
    }

    private static final Map<String, String> NAMES = new java.util.HashMap<>();

    static {
        ExtractionData.bundled().actors().forEach(a -> NAMES.put(a.id(), a.name()));
    }

    /** A draft in the shape of the REST fact, as far as the scoring rule and the analysis read it. */
    public static JsonNode asRestFact(FactDraft d, String text) {
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

    public static Evaluation evaluate(RuleBasedExtractor extractor) {
        Evaluation evaluation = new Evaluation();
        for (DevSet.Document doc : DevSet.load()) {
            List<JsonNode> facts = new ArrayList<>();
            extractor.extract(new DocumentText(doc.text(), null, doc.title())).forEach(d -> facts.add(asRestFact(d, doc.text())));
            evaluation.add(doc, facts);
        }
        return evaluation;
    }

}

package io.factline.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactActor;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.extract.DocumentText;
import io.factline.extract.FactDraft;
import io.factline.extract.FactExtractor;
import io.factline.extract.RuleBasedExtractor;

/**
 * Lets a test state the facts a document should bring, behind the extractor's interface: a text
 * with markers gets exactly the marked facts; a document titled {@link Api#TEST_TITLE} without markers
 * gets none (the curation tests assert their facts by hand); any other text (the seed, the articles
 * of the extraction tests) goes through the real pipeline. It reads explicit markers, not language:
 * {@code {{MEETING|2021-05|joe-biden:PARTICIPANT,moon-jae-in:PARTICIPANT|summit-diplomacy}}} marks the
 * sentence that follows it (up to the end of the line) as a fact with that type, date, actors and topics.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MarkerExtractor implements FactExtractor {

    private static final Pattern MARKER = Pattern.compile("\\{\\{(\\w+)\\|([^|]*)\\|([^|]*)\\|([^}]*)}}\\s*([^\\n]+)");

    private static final RuleBasedExtractor PIPELINE = RuleBasedExtractor.bundled();

    @Override
    public String version() {
        return "test-markers-1+" + RuleBasedExtractor.VERSION;
    }

    @Override
    public List<FactDraft> extract(DocumentText document) {
        if (!MARKER.matcher(document.text()).find()) {
            return Api.TEST_TITLE.equals(document.title()) ? List.of() : PIPELINE.extract(document);
        }
        List<FactDraft> drafts = new ArrayList<>();
        Matcher m = MARKER.matcher(document.text());
        while (m.find()) {
            List<FactActor> actors = new ArrayList<>();
            for (String actor : m.group(3).split(",")) {
                if (!actor.isBlank()) {
                    String[] parts = actor.strip().split(":");
                    actors.add(new FactActor(parts[0], Role.valueOf(parts[1])));
                }
            }
            List<String> topics = Arrays.stream(m.group(4).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            String sentence = m.group(5).strip();
            FactDate date = m.group(2).isBlank() ? FactDate.unknown(null) : FactDate.parse(m.group(2), null, m.group(2));
            drafts.add(new FactDraft(FactType.valueOf(m.group(1)), date, actors, topics, sentence,
                    m.start(5), m.start(5) + sentence.length(), date.precision() == DatePrecision.DAY ? 0.9 : 0.8));
        }
        return drafts;
    }
}

package io.factline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor never throws, whatever the text: cut-up and shuffled real documents, unbalanced
 * brackets and quotes, stray punctuation, long tokens, scripts it does not read. Every draft it
 * gives sits inside the text. (Deterministic: the cases come from a fixed seed.)
 */
class ExtractionRobustnessTest {

    private static RuleBasedExtractor pipeline;
    private static List<String> documents;

    @BeforeAll
    static void load() throws IOException {
        pipeline = RuleBasedExtractor.bundled();
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval/dev/docs"))) {
            for (Path p : files.sorted().toList()) {
                documents.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    private static final String[] ODDITIES = {"(", ")", "“", "”", "\"", "’s", " — ", ";", ":", "...", "?", "!", "--", "(ROK",
        "U.S.-", "-", "'", "\n\n", "\n", "  ", "1950–1953", "(2017)", "Feb 8", "this 26th day of", "PRESIDENT X:", "Q:",
        "Mr.", "R.O.K.", "$", "%", "§", "日本", "Пхеньян", "\u00a0", "\t", "and", "that", "which", "to", "by 2030", "they",
        "We,", "the Leaders", "met", "said", "agreed", "Foreign Minister of", "(Kim)", "Secretary General"};

    @Test
    void noTextMakesTheExtractorThrowAndEveryDraftSitsInItsText() {
        Random random = new Random(Long.getLong("seed", 20261207L));
        for (int round = 0; round < 300; round++) {
            String text = mutate(random);
            assertThatCode(() -> check(text)).as("text #%d: %s", round, abbreviate(text)).doesNotThrowAnyException();
        }
    }

    private static void check(String text) {
        for (FactDraft d : pipeline.extract(new DocumentText(text, null, null))) {
            assertThat(d.start()).isBetween(0, text.length() - 1);
            assertThat(d.end()).isBetween(d.start() + 1, text.length());
            for (DiscoveredActor a : d.discovered()) {
                assertThat(a.mentionStart()).isBetween(0, a.mentionEnd() - 1);
                assertThat(a.mentionEnd()).isLessThanOrEqualTo(text.length());
            }
        }
    }

    private static String mutate(Random random) {
        String doc = documents.get(random.nextInt(documents.size()));
        int kind = random.nextInt(4);
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case 0 -> { // a random slice, cut anywhere
                int from = random.nextInt(doc.length());
                b.append(doc, from, Math.min(doc.length(), from + 1 + random.nextInt(800)));
            }
            case 1 -> { // its words shuffled, with oddities among them
                String[] words = doc.split("\\s+");
                for (int i = 0; i < 40 + random.nextInt(120); i++) {
                    b.append(random.nextInt(6) == 0 ? ODDITIES[random.nextInt(ODDITIES.length)] : words[random.nextInt(words.length)]);
                    b.append(random.nextInt(10) == 0 ? "" : " ");
                }
            }
            case 2 -> { // oddities only
                for (int i = 0; i < 1 + random.nextInt(60); i++) {
                    b.append(ODDITIES[random.nextInt(ODDITIES.length)]).append(random.nextBoolean() ? " " : "");
                }
            }
            default -> { // a real passage with characters flipped
                int from = random.nextInt(doc.length());
                char[] chars = doc.substring(from, Math.min(doc.length(), from + 600)).toCharArray();
                for (int i = 0; i < chars.length / 20; i++) {
                    chars[random.nextInt(chars.length)] = "().,;:\"'’-–—\n ".charAt(random.nextInt(14));
                }
                b.append(chars);
            }
        }
        return b.toString();
    }

    private static String abbreviate(String text) {
        String s = text.replace("\n", "⏎");
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}

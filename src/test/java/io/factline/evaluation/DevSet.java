package io.factline.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The development set ({@code src/test/resources/eval/dev}, a copy of {@code ../shared/eval/dev}):
 * each document's text as ingested (what follows its "Source:" line and the blank line) and its gold.
 */
public final class DevSet {

    public static final Path ROOT = Path.of("src", "test", "resources", "eval", "dev");
    public static final String SEED = "seed-korea-us-relations";

    /** One document of the set: its name, the source it was copied from, the text to ingest and the scorer of its gold. */
    public record Document(String name, String source, String text, GoldScorer gold) {
        public boolean isSeed() {
            return name.equals(SEED);
        }

        public Path goldFile() {
            return ROOT.resolve("gold").resolve(name + ".json");
        }

        /** The title: the text's first line. */
        public String title() {
            return text.lines().filter(l -> !l.isBlank()).findFirst().orElse(name).strip();
        }
    }

    private DevSet() {
    }

    public static List<Document> load() {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> {
                try {
                    String raw = Files.readString(p, StandardCharsets.UTF_8);
                    String name = p.getFileName().toString().replaceFirst("\\.txt$", "");
                    int lineEnd = raw.indexOf('\n');
                    if (!raw.startsWith("Source:") || lineEnd < 0 || !raw.startsWith("\n", lineEnd + 1)) {
                        throw new IllegalStateException(p + " does not start with a Source line and a blank line");
                    }
                    String text = raw.substring(lineEnd + 2);
                    GoldScorer gold = new GoldScorer(json.readTree(ROOT.resolve("gold").resolve(name + ".json").toFile()));
                    return new Document(name, raw.substring("Source:".length(), lineEnd).strip(), text, gold);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development set under " + ROOT, e);
        }
    }
}

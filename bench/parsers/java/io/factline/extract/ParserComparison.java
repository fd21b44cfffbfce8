package io.factline.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.factline.evaluation.DevSet;
import io.factline.evaluation.Evaluation;
import io.factline.evaluation.InProcess;

/**
 * bench/parsers: the whole extractor run over the development set with each clause analysis — the
 * shallow one over OpenNLP's tags (factline's), and Stanford CoreNLP's dependency parser with
 * OpenNLP's tags or with its own — compared by F1, sentences per second on one thread, and the heap
 * the analysis holds once loaded. Writes target/eval/parsers.md.
 */
public final class ParserComparison {

    private record Result(String name, double f1, double precision, double recall, double seedF1, double sentencesPerSecond,
                          long heapMiB, long loadMillis, String licence) {
    }

    /** Each configuration runs in a JVM of its own (CoreNLP keeps its models in static caches): {@code main(n)}, then {@code main("table")}. */
    public static void main(String[] args) throws Exception {
        Path rows = Path.of("target", "eval", "parsers-rows");
        if (args.length > 0 && args[0].equals("table")) {
            StringBuilder table = new StringBuilder("| clause analysis | micro F1 (dev, no seed) | P | R | seed F1 | sentences/s, 1 thread "
                    + "| heap held by the analysis | load | licence |\n|---|---|---|---|---|---|---|---|---|\n");
            try (var files = java.nio.file.Files.list(rows)) {
                for (Path row : files.sorted().toList()) {
                    table.append(java.nio.file.Files.readString(row));
                }
            }
            System.out.println(table);
            Evaluation.write(Path.of("target", "eval", "parsers.md"), "# Clause analysis compared (" + LocalDate.now()
                    + ")\n\nThe whole extractor over the development set with each analysis (bench/compare-parsers).\n\n" + table);
            return;
        }
        int config = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(System.getProperty("rounds", "5"));
        ExtractionData data = ExtractionData.bundled();
        Nlp.load();
        Result r = switch (config) {
            case 0 -> measure("shallow clauses over OpenNLP tags (factline)", "Apache-2.0 (OpenNLP)", rounds,
                    () -> new RuleBasedExtractor(data));
            case 1 -> measure("CoreNLP 4.5.10 dependency parse, OpenNLP tags", "GPL-3.0-or-later", rounds,
                    () -> new RuleBasedExtractor(data, new CoreNlpClauses(data.lexicon().clauseWords(), false)));
            default -> measure("CoreNLP 4.5.10 dependency parse and tags", "GPL-3.0-or-later", rounds,
                    () -> new RuleBasedExtractor(data, new CoreNlpClauses(data.lexicon().clauseWords(), true)));
        };
        Evaluation.write(rows.resolve(config + ".md"), String.format(Locale.ROOT,
                "| %s | **%.3f** | %.3f | %.3f | %.3f | %.0f | %d MiB | %d ms | %s |%n", r.name(), r.f1(), r.precision(),
                r.recall(), r.seedF1(), r.sentencesPerSecond(), r.heapMiB(), r.loadMillis(), r.licence()));
    }

    private static Result measure(String name, String licence, int rounds, Supplier<RuleBasedExtractor> make) {
        System.gc();
        long before = usedHeap();
        long t0 = System.nanoTime();
        RuleBasedExtractor extractor = make.get();
        long load = (System.nanoTime() - t0) / 1_000_000;
        Evaluation evaluation = InProcess.evaluate(extractor); // also the warm-up
        System.gc();
        long heap = Math.max(0, usedHeap() - before) >> 20;
        List<DevSet.Document> docs = DevSet.load();
        int sentences = 0;
        for (DevSet.Document d : docs) {
            sentences += extractor.countSentences(d.text());
        }
        InProcess.evaluate(extractor);
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (DevSet.Document d : docs) {
                extractor.extract(new DocumentText(d.text(), null, d.title()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation.Total t = evaluation.withoutSeed();
        Result result = new Result(name, t.f1(), t.precision(), t.recall(), evaluation.seed().score().f1(),
                sentences * (double) rounds / seconds, heap, load, licence);
        System.out.printf(Locale.ROOT, "%-52s F1 %.3f  %.0f sentences/s  heap %d MiB  load %d ms%n", name, result.f1(),
                result.sentencesPerSecond(), heap, load);
        return result;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}

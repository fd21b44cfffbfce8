package io.factline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.factline.extract.DocumentText;
import io.factline.extract.RuleBasedExtractor;

/**
 * JMH: the whole extraction pipeline (cleaning to fact drafts) over a corpus of the seed, the
 * articles in bench/corpus and the development set's other documents, on one thread, reported as sentences per second per core; and the time
 * to load the four OpenNLP models from their jars. Run with bench/extract.
 */
@State(Scope.Benchmark)
public class ExtractionBench {

    private RuleBasedExtractor pipeline;
    private List<String> texts;
    int sentences;

    @Setup
    public void load() throws IOException {
        pipeline = RuleBasedExtractor.bundled();
        texts = corpus();
        sentences = texts.stream().mapToInt(pipeline::countSentences).sum();
    }

    static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(Files.readString(Path.of("seeds/korea-us-relations.txt"), StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(Path.of("bench/corpus"))) {
            for (Path p : files.sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        // and the development set's documents as ingested: joint statements, briefs, a transcript, a telegram
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval/dev/docs"))) {
            for (Path p : files.sorted().toList()) {
                String raw = Files.readString(p, StandardCharsets.UTF_8);
                if (!p.getFileName().toString().startsWith("seed-")) {
                    texts.add(raw.substring(raw.indexOf('\n') + 2));
                }
            }
        }
        return texts;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 3)
    @Fork(2)
    public void wholePipeline(Blackhole sink) {
        for (String text : texts) {
            sink.consume(pipeline.extract(new DocumentText(text, null, null)));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public long modelLoad() {
        return RuleBasedExtractor.measureModelLoad();
    }

    public static void main(String[] args) throws Exception {
        ExtractionBench probe = new ExtractionBench();
        probe.load();
        System.out.printf(Locale.ROOT, "corpus: %d documents, %d sentences%n", probe.texts.size(), probe.sentences);
        var results = new Runner(new OptionsBuilder().include(ExtractionBench.class.getName() + "\\.").build()).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            if (name.endsWith("wholePipeline")) {
                System.out.printf(Locale.ROOT, "pipeline: %.1f corpus passes/s ± %.1f -> %,.0f sentences/s on one core "
                        + "(target: 250, PETRARCH-2's pace)%n", score, error, score * probe.sentences);
            } else {
                System.out.printf(Locale.ROOT, "model load (cold JVM, all four models): %.0f ms ± %.0f%n", score, error);
            }
        }
    }
}

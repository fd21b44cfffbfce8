package io.factline.bench;

import java.time.Duration;

/**
 * factline's benchmarks: each piece of work beside raw PostgreSQL doing the same work, in the same
 * run, on the same server, printed as a ratio. Run it with bench/run (see the README).
 */
public final class Bench {

    /** About a minute of live projecting: beyond it, a rebuild brings the views up sooner. */
    static final long REBUILD_ABOVE = 100_000;

    public static void main(String[] args) throws Exception {
        String server = env("FACTLINE_BENCH_DB_URL", "postgresql://postgres@127.0.0.1:5432/postgres");
        int facts = Integer.parseInt(env("FACTLINE_BENCH_FACTS", "1000000"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(env("FACTLINE_BENCH_WARMUP_SECONDS", "5")));
        Duration measure = Duration.ofSeconds(Long.parseLong(env("FACTLINE_BENCH_SECONDS", "15")));
        // Under full load on two cores the JIT compiles the request path slowly (its threads compete with the
        // load): an HTTP page measured after 5 s ran at about 0.6 of its rate after a minute. The pages are
        // measured warm, as a running service serves them; FACTLINE_BENCH_HTTP_WARMUP_SECONDS=5 shows them cold.
        Duration httpWarmUp = Duration.ofSeconds(Long.parseLong(env("FACTLINE_BENCH_HTTP_WARMUP_SECONDS", "60")));
        String sections = env("FACTLINE_BENCH_SECTIONS", "append,query,rebuild");
        Report report = new Report();

        if (sections.contains("append")) {
            System.out.println("appends (a fresh log)");
            try (BenchDatabase db = BenchDatabase.create(server, "append")) {
                AppendBench.run(report, db, warmUp, measure);
            }
        }
        if (sections.contains("query") || sections.contains("rebuild")) {
            String reuse = env("FACTLINE_BENCH_CORPUS_DB", "");
            System.out.println(reuse.isEmpty() ? "corpus of " + facts + " facts" : "corpus in " + reuse);
            try (BenchDatabase db = reuse.isEmpty() ? BenchDatabase.create(server, "corpus")
                    : BenchDatabase.existing(server, reuse)) {
                if (reuse.isEmpty()) {
                    Corpus.generate(db, facts);
                }
                try (ServiceProcess service = ServiceProcess.start(db)) {
                    // Views far behind the log are rebuilt, as an operator would: a rebuild goes about three
                    // times as fast as the live projector. The measured rebuild is that rebuild.
                    if (sections.contains("rebuild")) {
                        RebuildBench.run(report, db, service);
                    } else {
                        long lag = service.projection().lag();
                        if (lag > REBUILD_ABOVE) {
                            System.out.printf("  the views are %,d events behind the log: rebuilding them%n", lag);
                            service.rebuild();
                        }
                    }
                    service.awaitReady();
                    if (sections.contains("query")) {
                        QueryBench.run(report, db, service, httpWarmUp, measure);
                    }
                }
                if (sections.contains("query")) {
                    // the same page with the compiled plans off: graphql-java's execution, for before and after in one run
                    try (ServiceProcess plain = ServiceProcess.start(db, java.util.Map.of("FACTLINE_GRAPHQL_COMPILED_PLANS",
                            "disabled"), java.nio.file.Path.of("target", "bench-service-graphql-java.log"))) {
                        plain.awaitReady();
                        QueryBench.graphQLJava(report, db, plain, httpWarmUp, measure);
                    }
                }
            }
        }
        System.out.println();
        System.out.println(report.table());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

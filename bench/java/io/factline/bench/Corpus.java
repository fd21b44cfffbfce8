package io.factline.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.factline.domain.ActorKind;
import io.factline.domain.DatePrecision;
import io.factline.domain.DomainEvent;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.TopicDefined;
import io.factline.domain.EventCodec;
import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.domain.SourceRef;

/**
 * A generated log: about 300 actors with a Zipf-like spread (a few in most facts, most in few), 20
 * topics, 1,000 documents, and N asserted facts dated 1950–2026 at mixed precision, each with one
 * to three actors, one or two topics and a source passage. Written with COPY, as setup, not timed.
 */
final class Corpus {

    static final int ACTORS = 300;
    static final int TOPICS = 20;
    static final int DOCUMENTS = 1000;
    static final String METADATA = "{\"by\":\"bench\",\"via\":\"bench\"}";

    private Corpus() {
    }

    static String actorId(int i) {
        return String.format("bench-actor-%03d", i);
    }

    static void generate(BenchDatabase db, int facts) throws Exception {
        long started = System.nanoTime();
        EventCodec codec = new EventCodec();
        Random random = new Random(20261128);
        Zipf actorPick = new Zipf(ACTORS, 1.0, random);
        Zipf topicPick = new Zipf(TOPICS, 0.8, random);
        List<DomainEvent> setup = new ArrayList<>();
        ActorKind[] kinds = ActorKind.values();
        for (int i = 1; i <= ACTORS; i++) {
            setup.add(new ActorRegistered(actorId(i), "Bench Actor " + i, kinds[i % kinds.length], List.of("BA" + i), null, null));
        }
        for (int i = 1; i <= TOPICS; i++) {
            setup.add(new TopicDefined(String.format("bench-topic-%02d", i), "Bench topic " + i, null));
        }
        List<UUID> documents = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String text = ("Document " + i + ". The delegations met and issued statements on the alliance, trade and "
                    + "security of the peninsula; both sides agreed to continue consultations. ").repeat(4);
            documents.add(id);
            texts.add(text);
            setup.add(new DocumentIngested(id, "hash-" + i, "text/plain", "Bench document " + i, "bench", null, null, null, text));
        }
        try (Connection connection = db.connect()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, codec, setup);
            FactType[] types = FactType.values();
            Role[] roles = Role.values();
            List<DomainEvent> chunk = new ArrayList<>();
            for (int n = 0; n < facts; n++) {
                int doc = random.nextInt(DOCUMENTS);
                String text = texts.get(doc);
                int start = random.nextInt(text.length() - 80);
                Set<Integer> actorNumbers = new LinkedHashSet<>();
                int actorCount = 1 + random.nextInt(3);
                while (actorNumbers.size() < actorCount) {
                    actorNumbers.add(actorPick.next());
                }
                List<FactActor> actors = actorNumbers.stream()
                        .map(a -> new FactActor(actorId(a), roles[random.nextInt(roles.length)])).toList();
                Set<String> topics = new LinkedHashSet<>();
                int topicCount = 1 + random.nextInt(2);
                while (topics.size() < topicCount) {
                    topics.add(String.format("bench-topic-%02d", topicPick.next()));
                }
                FactContent content = new FactContent(types[random.nextInt(types.length)], date(random),
                        actors, List.copyOf(topics), "Synthetic fact " + n + " between " + actors.get(0).actorId(),
                        List.of(new SourceRef(documents.get(doc), text.substring(start, start + 80), start, start + 80, 0.9)));
                chunk.add(new FactAsserted(new UUID(random.nextLong(), random.nextLong()), content, null));
                if (chunk.size() == 50_000) {
                    copy(copy, codec, chunk);
                    chunk.clear();
                    System.out.printf("  %,d facts written%n", n + 1);
                }
            }
            copy(copy, codec, chunk);
        }
        db.execute("vacuum analyze event");
        System.out.printf("  corpus ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static FactDate date(Random random) {
        int p = random.nextInt(100);
        LocalDate day = LocalDate.of(1950 + random.nextInt(77), 1 + random.nextInt(12), 1 + random.nextInt(28));
        DatePrecision precision = p < 60 ? DatePrecision.DAY : p < 85 ? DatePrecision.MONTH : p < 95 ? DatePrecision.YEAR
                : DatePrecision.UNKNOWN;
        return FactDate.of(day, precision, null);
    }

    /** Positions of the generated log: 1, 2, 3 … (all below any position an append takes later). */
    private static long position;

    private static void copy(CopyManager copy, EventCodec codec, List<DomainEvent> events) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(events.size() * 700);
        for (DomainEvent event : events) {
            EventCodec.Encoded encoded = codec.encode(event);
            csv.append(++position).append(',').append(event.streamId()).append(",1,").append(encoded.type()).append(',').append(encoded.schemaVersion())
                    .append(',').append(quoted(encoded.payloadJson())).append(',').append(quoted(METADATA)).append('\n');
        }
        copy.copyIn("copy event (position, stream_id, version, type, schema_version, payload, metadata) from stdin with (format csv)",
                new StringReader(csv.toString()));
    }

    private static String quoted(String json) {
        return '"' + json.replace("\"", "\"\"") + '"';
    }

    /** Draws 1..n with probability proportional to 1 / k^s. */
    static final class Zipf {
        private final double[] cumulative;
        private final Random random;

        Zipf(int n, double s, Random random) {
            this.random = random;
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1 / Math.pow(k, s);
                cumulative[k - 1] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next() {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return (index >= 0 ? index : -index - 1) + 1;
        }
    }
}

package io.factline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.factline.config.FactlineConfig;
import io.factline.domain.EventMetadata;
import io.smallrye.mutiny.Uni;

/**
 * Ingests the documents in the seeds folder ({@code *.txt}, {@code *.html}), each with an optional
 * {@code <name>.meta.json} beside it: {@code {"title", "publisher", "published", "publishedDate", "url"}}.
 * Ingestion is idempotent, so every start may do this and adds nothing the second time.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    public record SeedMeta(String title, String publisher, String published, LocalDate publishedDate, String url) {
    }

    public record Report(int documents, int added) {
    }

    @Inject
    DocumentIngestion ingestion;
    @Inject
    FactlineConfig config;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Uni<Report> load(EventMetadata metadata) {
        Path seeds = config.seeds().dir();
        if (!Files.isDirectory(seeds)) {
            LOG.infof("no seeds folder at %s; nothing to load", seeds.toAbsolutePath());
            return Uni.createFrom().item(new Report(0, 0));
        }
        List<Path> files = documentFiles(seeds);
        Uni<Report> chain = Uni.createFrom().item(new Report(0, 0));
        for (Path file : files) {
            chain = chain.chain(report -> ingest(file, metadata)
                    .map(created -> new Report(report.documents() + 1, report.added() + (created ? 1 : 0)))
                    .onFailure().recoverWithItem(failure -> {
                        LOG.errorf("seed %s was not loaded: %s", file, failure.getMessage());
                        return report;
                    }));
        }
        return chain.invoke(report -> LOG.infof("seeds: %d documents in %s, %d new", report.documents(),
                seeds.toAbsolutePath(), report.added()));
    }

    private Uni<Boolean> ingest(Path file, EventMetadata metadata) {
        try {
            String body = readUtf8(file);
            String name = file.getFileName().toString();
            String mediaType = name.toLowerCase(Locale.ROOT).matches(".*\\.html?$") ? DocumentNormalizer.HTML
                    : DocumentNormalizer.PLAIN;
            SeedMeta meta = metaFor(file);
            DocumentSubmission submission = new DocumentSubmission(body, mediaType,
                    meta.title(), meta.publisher(), meta.published(), meta.publishedDate(), meta.url());
            return ingestion.ingest(submission, metadata).map(IngestResult::created);
        } catch (IOException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static List<Path> documentFiles(Path seeds) {
        try (Stream<Path> entries = Files.list(seeds)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|html?)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.errorf("cannot list the seeds folder %s: %s", seeds, e.getMessage());
            return new ArrayList<>();
        }
    }

    private SeedMeta metaFor(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path meta = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".meta.json");
        if (!Files.exists(meta)) {
            return new SeedMeta(null, null, null, null, null);
        }
        return json.readValue(meta.toFile(), SeedMeta.class);
    }

    private static String readUtf8(Path file) throws IOException {
        return Utf8.decode(Files.readAllBytes(file));
    }
}

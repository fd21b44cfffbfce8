package io.factline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.factline.config.FactlineConfig;
import io.factline.domain.ConflictException;
import io.factline.domain.ContentTooLargeException;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactCorroborated;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.FactState;
import io.factline.domain.EventMetadata;
import io.factline.domain.Extraction;
import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.SourceRef;
import io.factline.domain.Streams;
import io.factline.eventstore.AppendResult;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.WrongExpectedVersionException;
import io.factline.extract.DocumentText;
import io.factline.extract.FactDraft;
import io.factline.extract.FactExtractor;
import io.factline.log.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Ingests a document: stores its text as a {@code DocumentIngested} event with the facts the
 * extractor finds in it, all in one atomic append. A document's id follows from its text, so the
 * same text ingested twice (or by two instances at once) is stored once.
 */
@ApplicationScoped
public class DocumentIngestion {

    private static final Logger LOG = Logger.getLogger(DocumentIngestion.class);

    @Inject
    EventLog log;
    @Inject
    FactExtractor extractor;
    @Inject
    KnownFacts knownFacts;
    @Inject
    References references;
    @Inject
    MeterRegistry registry;
    @Inject
    FactlineConfig config;

    private final DocumentNormalizer normalizer = new DocumentNormalizer();

    public Uni<IngestResult> ingest(DocumentSubmission submission, EventMetadata metadata) {
        DocumentNormalizer.Normalized doc;
        try {
            long bytes = submission.body() == null ? 0 : submission.body().getBytes(StandardCharsets.UTF_8).length;
            long maxBytes = config.ingest().maxDocumentBytes();
            if (bytes > maxBytes) {
                throw new ContentTooLargeException(bytes, maxBytes);
            }
            doc = normalizer.normalize(submission);
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        String hash = sha256(doc.text());
        UUID documentId = documentId(hash);
        String stream = Streams.document(documentId);
        return log.versions(List.of(stream)).chain(versions -> versions.containsKey(stream)
                ? alreadyIngested(documentId)
                : extractAndAppend(submission, doc, hash, documentId, metadata, 0));
    }

    /** How often an ingestion starts again when another writer registered an actor it discovered too. */
    private static final int REGISTRATION_RETRIES = 3;

    public static UUID documentId(String contentHash) {
        return UUID.nameUUIDFromBytes(("factline:document:" + contentHash).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<IngestResult> extractAndAppend(DocumentSubmission submission, DocumentNormalizer.Normalized doc,
                                               String hash, UUID documentId, EventMetadata metadata, int attempt) {
        Context caller = Vertx.currentContext();
        return references.knownIn(doc.text()).chain(known -> {
                    DocumentText input = new DocumentText(doc.text(), submission.publishedDate(), doc.title(), known);
                    return Uni.createFrom().item(() -> registry.timer("factline.extraction", "extractor", extractor.version())
                                    .record(() -> extractor.extract(input)))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .emitOn(task -> {
                                if (caller != null) {
                                    caller.runOnContext(ignored -> task.run());
                                } else {
                                    task.run();
                                }
                            });
                })
                .chain(drafts -> references.prepare(drafts, documentId, doc.text()))
                .chain(prepared -> knownFacts.restated(prepared.drafts(), doc.text(), Set.of()).chain(restated -> {
                    List<FactDraft> drafts = prepared.drafts();
                    List<EventLog.Change> changes = new ArrayList<>();
                    DocumentIngested ingested = new DocumentIngested(documentId, hash, doc.mediaType(), doc.title(),
                            doc.publisher(), doc.published(), submission.publishedDate(), doc.url(), doc.text());
                    changes.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, ingested));
                    changes.addAll(prepared.registrations());
                    List<UUID> factIds = new ArrayList<>();
                    List<UUID> corroborated = new ArrayList<>();
                    for (int i = 0; i < drafts.size(); i++) {
                        FactState known = restated.get(i);
                        if (known != null && !corroborated.contains(known.id())) {
                            corroborated.add(known.id());
                            changes.add(EventLog.Change.of(ExpectedVersion.ANY,
                                    corroboration(known.id(), drafts.get(i), documentId, doc.text())));
                        } else if (known == null) {
                            FactExtracted fact = toEvent(drafts.get(i), i, documentId, doc.text());
                            factIds.add(fact.factId());
                            changes.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, fact));
                        }
                    }
                    return log.append(metadata, changes)
                            .map(AppendResult::lastPosition)
                            .invoke(position -> counted(drafts, restated))
                            // no title: it is the caller's text, and a log line must not carry forged lines
                            .invoke(position -> LOG.infof("ingested document %s: %d facts, %d corroborations, %d discovered actors, by %s",
                                    documentId, factIds.size(), corroborated.size(), prepared.registrations().size(), metadata.by()))
                            .map(position -> new IngestResult(documentId, true, factIds, corroborated, position));
                }))
                .onFailure(WrongExpectedVersionException.class).recoverWithUni(conflict -> {
                    String streamId = ((WrongExpectedVersionException) conflict).streamId();
                    if (streamId.equals(Streams.document(documentId))) {
                        return alreadyIngested(documentId); // another writer stored the same text first
                    }
                    if (Streams.isActor(streamId) && attempt < REGISTRATION_RETRIES) {
                        // another writer registered an actor this document discovered too: read again, append again
                        return extractAndAppend(submission, doc, hash, documentId, metadata, attempt + 1);
                    }
                    return Uni.createFrom().failure(new ConflictException(Streams.isActor(streamId)
                            ? "other writers keep registering actors this document names; send it again"
                            : "the extracted fact's id " + streamId + " is taken"));
                });
    }

    private Uni<IngestResult> alreadyIngested(UUID documentId) {
        return log.firstPosition(Streams.document(documentId))
                .map(position -> new IngestResult(documentId, false, List.of(), List.of(), position));
    }

    /** factline_documents_ingested_total, factline_facts_extracted_total{type}, factline_facts_corroborated_total. */
    private void counted(List<FactDraft> drafts, Map<Integer, FactState> restated) {
        registry.counter("factline.documents.ingested").increment();
        for (int i = 0; i < drafts.size(); i++) {
            if (restated.containsKey(i)) {
                registry.counter("factline.facts.corroborated").increment();
            } else {
                registry.counter("factline.facts.extracted", "type", drafts.get(i).type().name()).increment();
            }
        }
    }

    /** Another source for a fact already known: the passage of this document that restates it. */
    static FactCorroborated corroboration(UUID factId, FactDraft draft, UUID documentId, String text) {
        return new FactCorroborated(factId, new SourceRef(documentId, text.substring(draft.start(), draft.end()),
                draft.start(), draft.end(), draft.confidence()));
    }

    FactExtracted toEvent(FactDraft draft, int index, UUID documentId, String text) {
        if (draft.start() < 0 || draft.end() > text.length() || draft.start() >= draft.end()) {
            throw new IllegalStateException("extractor " + extractor.version() + " gave offsets outside the text: "
                    + draft.start() + ".." + draft.end());
        }
        SourceRef source = new SourceRef(documentId, text.substring(draft.start(), draft.end()), draft.start(),
                draft.end(), draft.confidence());
        UUID factId = UUID.nameUUIDFromBytes(("factline:fact:" + documentId + ":" + extractor.version() + ":" + index
                + ":" + draft.start() + ":" + draft.end() + ":" + draft.type()).getBytes(StandardCharsets.UTF_8));
        FactContent content = new FactContent(draft.type(), draft.date(), draft.actors(), draft.topics(),
                draft.summary(), List.of(source),
                new Extraction(extractor.version(), draft.cameo(), draft.plover(), draft.target()));
        return new FactExtracted(factId, documentId, extractor.version(), content);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

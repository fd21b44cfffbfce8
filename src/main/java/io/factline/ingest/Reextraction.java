package io.factline.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.DomainEvent.FactRetracted;
import io.factline.domain.EventMetadata;
import io.factline.domain.FactOrigin;
import io.factline.domain.FactState;
import io.factline.domain.FactStatus;
import io.factline.domain.SourceRef;
import io.factline.domain.Streams;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.WrongExpectedVersionException;
import io.factline.extract.DocumentText;
import io.factline.extract.FactDraft;
import io.factline.extract.FactExtractor;
import io.factline.log.EventLog;
import io.factline.query.IngestionQueries;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Runs the current extractor over stored documents and records what changed, document by
 * document, each in one atomic append: drafts it now finds become new facts (or corroborate a fact
 * another document brought), and extracted facts it no longer finds are retracted as superseded.
 * A fact a curator asserted or corrected is never touched, nor is a fact that other documents
 * also source; a draft at the passage of such a fact is not added again.
 */
@ApplicationScoped
public class Reextraction {

    private static final Logger LOG = Logger.getLogger(Reextraction.class);

    public record Report(String extractorVersion, int documents, int added, int corroborated, int superseded,
                         int unchanged, int keptCurated, long position) {
        Report plus(Report o) {
            return new Report(extractorVersion, documents + o.documents, added + o.added, corroborated + o.corroborated,
                    superseded + o.superseded, unchanged + o.unchanged, keptCurated + o.keptCurated,
                    Math.max(position, o.position));
        }
    }

    @Inject
    EventLog log;
    @Inject
    FactExtractor extractor;
    @Inject
    DocumentIngestion ingestion;
    @Inject
    KnownFacts knownFacts;
    @Inject
    References references;
    @Inject
    IngestionQueries queries;

    /** Re-extracts one document; a document that does not exist changes nothing (0 documents). */
    public Uni<Report> one(UUID documentId, EventMetadata metadata) {
        return document(documentId, metadata);
    }

    public Uni<Report> all(EventMetadata metadata) {
        return queries.documentsInIngestionOrder().chain(ids -> sequentially(ids, 0, empty(), metadata)).invoke(r -> LOG.infof("re-extraction with %s: %s", r.extractorVersion(), r));
    }

    private Report empty() {
        return new Report(extractor.version(), 0, 0, 0, 0, 0, 0, 0);
    }

    private Uni<Report> sequentially(List<UUID> ids, int i, Report sum, EventMetadata metadata) {
        if (i >= ids.size()) {
            return Uni.createFrom().item(sum);
        }
        return document(ids.get(i), metadata).chain(r -> sequentially(ids, i + 1, sum.plus(r), metadata));
    }

    Uni<Report> document(UUID documentId, EventMetadata metadata) {
        return document(documentId, metadata, 0);
    }

    /** How often a document's re-extraction starts again when another writer registered an actor it discovered too. */
    private static final int REGISTRATION_RETRIES = 3;

    private Uni<Report> document(UUID documentId, EventMetadata metadata, int attempt) {
        return once(documentId, metadata).onFailure(WrongExpectedVersionException.class).recoverWithUni(conflict ->
                Streams.isActor(((WrongExpectedVersionException) conflict).streamId()) && attempt < REGISTRATION_RETRIES
                        ? document(documentId, metadata, attempt + 1)
                        : Uni.createFrom().failure(conflict));
    }

    private Uni<Report> once(UUID documentId, EventMetadata metadata) {
        return log.events(Streams.document(documentId)).chain(events -> {
            Optional<DocumentIngested> doc = events.stream().filter(DocumentIngested.class::isInstance)
                    .map(DocumentIngested.class::cast).findFirst();
            if (doc.isEmpty()) {
                return Uni.createFrom().item(empty());
            }
            LOG.debugf("re-extracting document %s", documentId);
            DocumentIngested ingested = doc.get();
            return factsOf(documentId).chain(existing -> references.knownIn(ingested.text()).chain(known -> Uni.createFrom()
                    .item(() -> extractor.extract(new DocumentText(ingested.text(), ingested.publishedDate(), ingested.title(), known)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                    .chain(drafts -> references.prepare(drafts, documentId, doc.get().text()))
                    .chain(prepared -> plan(documentId, doc.get().text(), prepared, existing, metadata)));
        });
    }

    private Uni<List<FactState>> factsOf(UUID documentId) {
        return queries.factsSourcedBy(documentId).chain(ids -> {
                    List<Uni<Optional<FactState>>> reads = new ArrayList<>();
                    ids.forEach(id -> reads.add(log.fact(id)));
                    if (reads.isEmpty()) {
                        return Uni.createFrom().item(List.<FactState>of());
                    }
                    return Uni.join().all(reads).andFailFast()
                            .map(states -> states.stream().flatMap(Optional::stream).toList());
                });
    }

    private Uni<Report> plan(UUID documentId, String text, References.Prepared prepared, List<FactState> existing,
                             EventMetadata metadata) {
        List<FactDraft> drafts = prepared.drafts();
        Set<UUID> own = new HashSet<>();
        existing.forEach(f -> own.add(f.id()));
        return knownFacts.restated(drafts, text, own).chain(restated -> {
            List<EventLog.Change> changes = new ArrayList<>();
            Set<UUID> matched = new HashSet<>();
            Set<UUID> corroboratedNow = new HashSet<>();
            int added = 0;
            int corroborated = 0;
            int unchanged = 0;
            for (int i = 0; i < drafts.size(); i++) {
                FactDraft draft = drafts.get(i);
                FactState same = atSamePassage(documentId, draft, existing);
                if (same != null) {
                    matched.add(same.id());
                    unchanged++;
                    continue;
                }
                FactState known = restated.get(i);
                if (known != null) {
                    if (corroboratedNow.add(known.id())
                            && known.content().sources().stream().noneMatch(s -> s.documentId().equals(documentId))) {
                        changes.add(EventLog.Change.of(ExpectedVersion.ANY,
                                DocumentIngestion.corroboration(known.id(), draft, documentId, text)));
                        corroborated++;
                    }
                    continue;
                }
                FactExtracted fact = ingestion.toEvent(draft, i, documentId, text);
                if (own.contains(fact.factId())) {
                    matched.add(fact.factId()); // the same draft of the same extractor: kept as it is
                    unchanged++;
                    continue;
                }
                changes.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, fact));
                added++;
            }
            int superseded = 0;
            int kept = 0;
            for (FactState f : existing) {
                if (matched.contains(f.id()) || f.status() != FactStatus.ACTIVE) {
                    continue;
                }
                if (curated(f)) {
                    kept++;
                } else if (onlyFrom(f, documentId)) {
                    changes.add(EventLog.Change.of(ExpectedVersion.exactly(f.version()), new FactRetracted(f.id(),
                            "superseded: re-extraction with " + extractor.version() + " no longer finds this fact")));
                    superseded++;
                }
            }
            Report report = new Report(extractor.version(), 1, added, corroborated, superseded, unchanged, kept, 0);
            if (added > 0 || corroborated > 0) {
                changes.addAll(0, prepared.registrations()); // the actors the new facts name, registered first
            }
            if (changes.isEmpty()) {
                return Uni.createFrom().item(report);
            }
            return log.append(metadata, changes).map(r -> new Report(report.extractorVersion(), 1, report.added(),
                    report.corroborated(), report.superseded(), report.unchanged(), report.keptCurated(), r.lastPosition()));
        });
    }

    /**
     * A fact of this document at the draft's passage with the same type: what the draft already is.
     * A fact this document brought must still say the same; one it only corroborates (another
     * document's) must still be the same fact.
     */
    private static FactState atSamePassage(UUID documentId, FactDraft draft, List<FactState> existing) {
        for (FactState f : existing) {
            if (f.content().type() != draft.type()) {
                continue;
            }
            boolean broughtHere = f.content().sources().get(0).documentId().equals(documentId);
            for (SourceRef s : f.content().sources()) {
                if (s.documentId().equals(documentId) && s.start() == draft.start() && s.end() == draft.end()
                        && (curated(f) || f.status() == FactStatus.ACTIVE && (broughtHere
                        ? KnownFacts.sameContent(draft, f) : KnownFacts.sameFact(draft, f, s.quote())))) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Asserted by a curator, or extracted and since corrected by one. */
    static boolean curated(FactState f) {
        return f.origin() == FactOrigin.ASSERTED || f.history().stream().anyMatch(c -> c.type().equals("FactCorrected"));
    }

    private static boolean onlyFrom(FactState f, UUID documentId) {
        return f.content().sources().stream().allMatch(s -> s.documentId().equals(documentId));
    }
}

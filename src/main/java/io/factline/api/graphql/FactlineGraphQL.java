package io.factline.api.graphql;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.factline.api.AccessRoles;
import io.factline.api.graphql.Inputs.DocumentInput;
import io.factline.api.graphql.Inputs.FactCorrectionInput;
import io.factline.api.graphql.Inputs.FactFilterInput;
import io.factline.api.graphql.Inputs.FactInput;
import io.factline.api.graphql.Types.Actor;
import io.factline.api.graphql.Types.ActorConnection;
import io.factline.api.graphql.Types.ActorEdge;
import io.factline.api.graphql.Types.Document;
import io.factline.api.graphql.Types.DocumentConnection;
import io.factline.api.graphql.Types.DocumentEdge;
import io.factline.api.graphql.Types.Fact;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.api.graphql.Types.IngestResultView;
import io.factline.api.graphql.Types.ReextractReport;
import io.factline.ingest.Reextraction;
import io.factline.api.graphql.Types.PageInfo;
import io.factline.api.graphql.Types.TimelinePeriod;
import io.factline.api.graphql.Types.Topic;
import io.factline.api.graphql.Types.TypeCount;
import io.factline.curation.FactCommandResult;
import io.factline.curation.FactCuration;
import io.factline.ingest.DocumentIngestion;
import io.factline.query.ActorQueries;
import io.factline.query.DocumentQueries;
import io.factline.query.FactQueries;
import io.factline.query.Granularity;
import io.factline.query.PageSize;
import io.factline.query.TopicQueries;
import io.factline.api.WriteConsistency;
import io.smallrye.mutiny.Uni;

/** Queries and mutations. Every resolver returns a Uni: it runs on the event loop and never blocks. */
@GraphQLApi
public class FactlineGraphQL {

    @Inject
    MutationAccess access;
    @Inject
    Reextraction reextraction;
    @Inject
    FactQueries facts;
    @Inject
    ActorQueries actors;
    @Inject
    TopicQueries topics;
    @Inject
    DocumentQueries documents;
    @Inject
    FactCuration curation;
    @Inject
    DocumentIngestion ingestion;
    @Inject
    WriteConsistency consistency;
    @Inject
    ResponseBudget budget;

    @Query
    @Description("A fact by id, retracted or not; null if there is none.")
    public Uni<Fact> fact(@Id @NonNull String id) {
        return Errors.guarded(() -> {
            UUID factId = Convert.uuidOrNull(id);
            return factId == null ? Uni.createFrom().nullItem()
                    : facts.byId(factId).map(found -> found.map(d -> Fact.of(d, null)).orElse(null));
        });
    }

    @Query
    @Description("Facts matching the filter, by date then id. Page with first/after (endCursor of the previous page).")
    public Uni<@NonNull FactConnection> facts(FactFilterInput filter, Integer first, String after) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> {
            var factFilter = Convert.filter(filter);
            return facts.page(factFilter, PageSize.of(first), after)
                    .invoke(page -> account.spend(page.items().size()))
                    .map(page -> Convert.connection(page, factFilter));
        });
    }

    @Query
    @Description("An actor by its slug, e.g. moon-jae-in or south-korea; null if there is none.")
    public Uni<Actor> actor(@Id @NonNull String id) {
        return Errors.guarded(() -> actors.byId(id).map(found -> found.map(Actor::of).orElse(null)));
    }

    @Query
    @Description("Actors whose name or an alias contains the search, by name.")
    public Uni<@NonNull ActorConnection> actors(String search, Integer first, String after) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> actors.search(search, PageSize.of(first), after)
                .invoke(page -> account.spend(page.items().size())).map(page -> new ActorConnection(
                page.items().stream().map(a -> new ActorEdge(Actor.of(a), a.id)).toList(),
                new PageInfo(page.hasNext(), false, page.items().isEmpty() ? null : page.items().get(0).id,
                        page.endCursor()))));
    }

    @Query
    @Description("A topic by its slug, e.g. north-korea-nuclear; null if there is none.")
    public Uni<Topic> topic(@Id @NonNull String id) {
        return Errors.guarded(() -> topics.byId(id).map(found -> found.map(Topic::of).orElse(null)));
    }

    @Query
    @Description("Every topic of the dictionary.")
    public Uni<@NonNull List<@NonNull Topic>> topics() {
        return Errors.guarded(() -> topics.all().map(all -> all.stream().map(Topic::of).toList()));
    }

    @Query
    @Description("A document by id; null if there is none.")
    public Uni<Document> document(@Id @NonNull String id) {
        return Errors.guarded(() -> {
            UUID documentId = Convert.uuidOrNull(id);
            return documentId == null ? Uni.createFrom().nullItem()
                    : documents.byId(documentId).map(found -> found.map(Document::of).orElse(null));
        });
    }

    @Query
    @Description("Documents in the order they were ingested.")
    public Uni<@NonNull DocumentConnection> documents(Integer first, String after) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> documents.page(PageSize.of(first), after)
                .invoke(page -> account.spend(page.items().size())).map(page -> new DocumentConnection(
                page.items().stream().map(d -> new DocumentEdge(Document.of(d), Long.toString(d.position))).toList(),
                new PageInfo(page.hasNext(), false,
                        page.items().isEmpty() ? null : Long.toString(page.items().get(0).position), page.endCursor()))));
    }

    @Query
    @Description("Facts per period, with the split by type. A fact counts in a period only if dated at least as precisely.")
    public Uni<@NonNull List<@NonNull TimelinePeriod>> timeline(FactFilterInput filter,
                                                                @DefaultValue("YEAR") Granularity granularity) {
        return Errors.guarded(() -> facts.timeline(Convert.filter(filter), granularity).map(buckets -> buckets.stream()
                .map(b -> new TimelinePeriod(b.period(), b.count(),
                        b.byType().stream().map(t -> new TypeCount(t.type(), t.count())).toList()))
                .toList()));
    }

    @Mutation
    @Description("Ingest a document; the same text ingested again returns the existing document (created: false).")
    public Uni<@NonNull IngestResultView> ingestDocument(@NonNull DocumentInput input) {
        return access.guarded(AccessRoles.INGEST, metadata -> ingestion.ingest(Convert.submission(input), metadata)
                .chain(result -> consistency.visible(result.position())
                        .chain(visible -> documents.byId(result.documentId()))
                        .map(found -> new IngestResultView(found.map(Document::of)
                                .orElse(new Document(result.documentId().toString(), null, null)),
                                result.created(), result.factIds().size(), result.corroboratedFactIds().size()))));
    }

    @Mutation
    @Description("Assert a fact, with at least one actor and one source passage.")
    public Uni<@NonNull Fact> assertFact(@NonNull FactInput input) {
        return access.guarded(AccessRoles.CURATE, metadata -> curation.assertFact(Convert.fact(input), metadata).chain(this::visibleFact));
    }

    @Mutation
    @Description("Correct a fact; expectedVersion must be its current version.")
    public Uni<@NonNull Fact> correctFact(@Id @NonNull String id, int expectedVersion,
                                          @NonNull FactCorrectionInput correction) {
        return access.guarded(AccessRoles.CURATE, metadata -> curation.correctFact(Convert.existingFactId(id), expectedVersion,
                Convert.correction(correction), metadata).chain(this::visibleFact));
    }

    @Mutation
    @Description("Retract a fact with a reason; it stays readable, with its history. expectedVersion must be current.")
    public Uni<@NonNull Fact> retractFact(@Id @NonNull String id, int expectedVersion, @NonNull @Name("reason") String reason) {
        return access.guarded(AccessRoles.CURATE, metadata -> curation.retractFact(Convert.existingFactId(id), expectedVersion, reason, metadata)
                .chain(this::visibleFact));
    }

    @Mutation
    @Description("Run the current extractor over every stored document and record what changed: new facts, facts "
            + "corroborated by another document, extracted facts superseded. Curated facts are never touched.")
    public Uni<@NonNull ReextractReport> reextract(@Description("Only this document; all when left out.") @Id String document) {
        return access.guarded(AccessRoles.ADMIN, metadata -> {
            if (document == null) {
                return reextraction.all(metadata).chain(r -> consistency.visible(r.position()).map(visible -> ReextractReport.of(r)));
            }
            java.util.UUID id = Convert.uuidOrNull(document);
            if (id == null) {
                throw new io.factline.domain.NotFoundException("document", document);
            }
            return reextraction.one(id, metadata).invoke(r -> {
                if (r.documents() == 0) {
                    throw new io.factline.domain.NotFoundException("document", document);
                }
            }).chain(r -> consistency.visible(r.position()).map(visible -> ReextractReport.of(r)));
        });
    }

    private Uni<Fact> visibleFact(FactCommandResult result) {
        return consistency.visible(result.position()).chain(visible -> {
            if (!visible) {
                return Uni.createFrom().failure(new Errors.NotYetVisible("recorded at log position " + result.position()
                        + " (fact " + result.factId() + ", version " + result.version()
                        + "); the views do not show it yet, read it again shortly"));
            }
            return facts.byId(result.factId()).map(doc -> Fact.of(doc.orElseThrow(), null));
        });
    }
}

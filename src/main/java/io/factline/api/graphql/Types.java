package io.factline.api.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.factline.domain.ActorKind;
import io.factline.domain.DatePrecision;
import io.factline.domain.FactOrigin;
import io.factline.domain.FactStatus;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.projection.FactDoc;
import io.factline.query.ActorView;
import io.factline.query.DocumentView;
import io.factline.query.TopicView;

/**
 * The GraphQL object types. Fields that need a read of their own are resolved, in batches, by
 * {@link ActorResolvers}, {@link TopicResolvers}, {@link DocumentResolvers} and {@link ConnectionResolvers}.
 */
public final class Types {

    private Types() {
    }

    @Type("Fact")
    @Description("A statement, agreement or meeting, with the exact passages it was taken from.")
    public record Fact(@Id @NonNull String id, @NonNull FactType type, @NonNull FactStatus status, @NonNull FactOrigin origin,
                       @Description("Its stream version: pass it as expectedVersion to change the fact.") int version,
                       @NonNull FactDateView date, @NonNull String summary, @NonNull List<@NonNull FactActorView> actors,
                       @NonNull List<@NonNull Topic> topics, @NonNull List<@NonNull Source> sources,
                       @NonNull List<@NonNull HistoryEntry> history, String retractionReason,
                       @NonNull OffsetDateTime recordedAt, @NonNull OffsetDateTime updatedAt,
                       @Description("How the fact was extracted; null for facts asserted by a curator.") ExtractionView extraction,
                       @Ignore String cursor) {

        static Fact of(FactDoc d, String cursor) {
            return new Fact(d.id().toString(), d.type(), d.status(), d.origin(), d.version(),
                    new FactDateView(d.date().start(), d.date().end(), d.date().precision(), d.date().text()),
                    d.summary(),
                    d.actors().stream().map(a -> new FactActorView(Actor.of(a.actor()), a.role())).toList(),
                    d.topics().stream().map(t -> new Topic(t.id(), t.name(), null)).toList(),
                    d.sources().stream().map(s -> new Source(new Document(s.document().id().toString(), s.document().title(), null),
                            s.quote(), s.start(), s.end(), s.confidence())).toList(),
                    d.history().stream().map(h -> new HistoryEntry(h.version(), h.type(), h.at(), h.by(), h.reason())).toList(),
                    d.retractionReason(), d.recordedAt(), d.updatedAt(), ExtractionView.of(d.extraction()), cursor);
        }
    }

    @Type("Extraction")
    @Description("The extractor's reading of a fact: its version, the event's CAMEO code and PLOVER type:mode, and a target date.")
    public record ExtractionView(@NonNull String extractorVersion, String cameo,
                                 @Description("PLOVER type, with its mode after a colon; null for a neutral statement.") String plover,
                                 @Description("A date the fact points to without having happened on it (\"by 2008\").") FactDateView target) {
        static ExtractionView of(io.factline.domain.Extraction e) {
            if (e == null) {
                return null;
            }
            var t = e.target();
            return new ExtractionView(e.extractorVersion(), e.cameo(), e.plover(),
                    t == null ? null : new FactDateView(t.start(), t.end(), t.precision(), t.text()));
        }
    }

    @Type("FactDate")
    @Description("When: an interval and the precision it is known to; start and end are null when unknown.")
    public record FactDateView(LocalDate start, LocalDate end, @NonNull DatePrecision precision,
                               @Description("The words the date was read from.") String text) {
    }

    @Type("FactActor")
    public record FactActorView(@NonNull Actor actor, @NonNull Role role) {
    }

    @Type("Actor")
    public record Actor(@Id @NonNull String id, @NonNull String name, ActorKind kind, @Ignore ActorView details) {

        static Actor of(FactDoc.ActorRef ref) {
            return new Actor(ref.id(), ref.name(), ref.kind(), null);
        }

        static Actor of(ActorView view) {
            return new Actor(view.id, view.name, ActorKind.valueOf(view.kind), view);
        }
    }

    @Type("ActorMention")
    @Description("Where a discovered actor was found: a document and the character offsets of its words in the text.")
    public record ActorMention(@NonNull Document document, @NonNull String text, int start, int end) {
    }

    @Type("Topic")
    public record Topic(@Id @NonNull String id, @NonNull String name, @Ignore TopicView details) {
        static Topic of(TopicView view) {
            return new Topic(view.id, view.name, view);
        }
    }

    @Type("Source")
    @Description("A passage of a stored document; start and end are character offsets into its text.")
    public record Source(@NonNull Document document, @NonNull String quote, int start, int end, double confidence) {
    }

    @Type("Document")
    public record Document(@Id @NonNull String id, String title, @Ignore DocumentView details) {
        static Document of(DocumentView view) {
            return new Document(view.id.toString(), view.title, view);
        }
    }

    @Type("HistoryEntry")
    @Description("One event of a fact: what happened to it, when, by whom and why.")
    public record HistoryEntry(int version, @NonNull String type, @NonNull OffsetDateTime at, String by, String reason) {
    }

    @Type("PageInfo")
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    @Type("FactEdge")
    public record FactEdge(@NonNull Fact node, @NonNull String cursor) {
    }

    @Type("FactConnection")
    public record FactConnection(@NonNull List<@NonNull FactEdge> edges, @NonNull PageInfo pageInfo,
                                 @Ignore io.factline.query.FactFilter filter) {
    }

    @Type("ActorEdge")
    public record ActorEdge(@NonNull Actor node, @NonNull String cursor) {
    }

    @Type("ActorConnection")
    public record ActorConnection(@NonNull List<@NonNull ActorEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("DocumentEdge")
    public record DocumentEdge(@NonNull Document node, @NonNull String cursor) {
    }

    @Type("DocumentConnection")
    public record DocumentConnection(@NonNull List<@NonNull DocumentEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("CoActor")
    public record CoActor(@NonNull Actor actor, int count) {
    }

    @Type("TopicCount")
    public record TopicCount(@NonNull Topic topic, int count) {
    }

    @Type("TimelinePeriod")
    public record TimelinePeriod(@NonNull String period, int count, @NonNull List<@NonNull TypeCount> byType) {
    }

    @Type("TypeCount")
    public record TypeCount(@NonNull FactType type, int count) {
    }

    @Type("ReextractReport")
    @Description("What a re-extraction changed, over all documents.")
    public record ReextractReport(@NonNull String extractorVersion, int documents, int added, int corroborated,
                                  int superseded, int unchanged, int keptCurated) {
        static ReextractReport of(io.factline.ingest.Reextraction.Report r) {
            return new ReextractReport(r.extractorVersion(), r.documents(), r.added(), r.corroborated(), r.superseded(),
                    r.unchanged(), r.keptCurated());
        }
    }

    @Type("IngestResult")
    public record IngestResultView(@NonNull Document document, boolean created,
                               @Description("New facts the document brought.") int facts,
                               @Description("Known facts the document states again, now with it as another source.") int corroborated) {
    }
}

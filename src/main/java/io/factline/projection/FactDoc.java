package io.factline.projection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.factline.domain.ActorKind;
import io.factline.domain.DatePrecision;
import io.factline.domain.Extraction;
import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.FactDate;
import io.factline.domain.FactOrigin;
import io.factline.domain.FactState;
import io.factline.domain.FactStatus;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.domain.SourceRef;

/**
 * A fact as the views serve it (REST and GraphQL alike), stored whole in {@code fact_view.doc}:
 * its state plus the names of its actors, topics and documents, so that a page of facts is one read.
 */
public record FactDoc(UUID id, FactType type, FactStatus status, FactOrigin origin, int version, DateDoc date,
                      String summary, List<ActorRoleDoc> actors, List<TopicRef> topics, List<SourceDoc> sources,
                      List<ChangeDoc> history, String retractionReason, OffsetDateTime recordedAt,
                      OffsetDateTime updatedAt, Extraction extraction) {

    /** Where an undated fact sorts: after every dated one. */
    public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    public record DateDoc(LocalDate start, LocalDate end, DatePrecision precision, String text) {
    }

    public record ActorRef(String id, String name, ActorKind kind) {
    }

    public record ActorRoleDoc(ActorRef actor, Role role) {
    }

    public record TopicRef(String id, String name) {
    }

    public record DocumentRef(UUID id, String title) {
    }

    public record SourceDoc(DocumentRef document, String quote, int start, int end, double confidence) {
    }

    public record ChangeDoc(int version, String type, OffsetDateTime at, String by, String reason, long position) {
    }

    /** Looks up the display names a fact's document shows. */
    public interface Names {
        ActorRef actor(String id);

        TopicRef topic(String id);

        DocumentRef document(UUID id);
    }

    public static FactDoc of(FactState state, Names names) {
        FactContent content = state.content();
        FactDate date = content.date();
        List<FactState.Change> history = state.history();
        return new FactDoc(state.id(), content.type(), state.status(), state.origin(), state.version(),
                new DateDoc(date.start(), date.end(), date.precision(), date.text()),
                content.summary(),
                content.actors().stream().map(a -> new ActorRoleDoc(names.actor(a.actorId()), a.role())).toList(),
                content.topics().stream().map(names::topic).toList(),
                content.sources().stream().map(s -> new SourceDoc(names.document(s.documentId()), s.quote(), s.start(),
                        s.end(), s.confidence())).toList(),
                history.stream().map(c -> new ChangeDoc(c.version(), c.type(), c.at(), c.by(), c.reason(), c.position()))
                        .toList(),
                state.retractionReason(),
                history.get(0).at(),
                history.get(history.size() - 1).at(),
                content.extraction());
    }

    /** Back to the state it was built from, to fold later events onto it. */
    public FactState toState() {
        FactContent content = new FactContent(type,
                date.precision() == DatePrecision.UNKNOWN ? FactDate.unknown(date.text())
                        : new FactDate(date.start(), date.end(), date.precision(), date.text()),
                actors.stream().map(a -> new FactActor(a.actor().id(), a.role())).toList(),
                topics.stream().map(TopicRef::id).toList(),
                summary,
                sources.stream().map(s -> new SourceRef(s.document().id(), s.quote(), s.start(), s.end(), s.confidence()))
                        .toList(),
                extraction);
        return new FactState(id, content, status, origin, version,
                history.stream().map(c -> new FactState.Change(c.version(), c.type(), c.at(), c.by(), c.reason(),
                        c.position())).toList(),
                retractionReason);
    }
}

package io.factline.api.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.factline.curation.FactAssertion;
import io.factline.domain.DatePrecision;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/**
 * The body of POST /api/facts: a fact written by hand (date {value}, actors, topics and documents by
 * id) or a fact as GET /api/facts/{id} serves it, so that a fact read can be posted back. The fields
 * only the server writes are accepted and ignored (listed here, since they are not components); any
 * other unknown field is refused.
 */
@JsonIgnoreProperties({"status", "origin", "history", "retractionReason", "recordedAt", "updatedAt", "extraction"})
@Schema(name = "FactBody", description = "A fact to assert: written by hand, or exactly as GET /api/facts/{id} serves "
        + "one. Read-only fields of a served fact (status, origin, version, history, retractionReason, recordedAt, "
        + "updatedAt, extraction; the names, kinds and titles inside actors, topics and documents) are accepted and "
        + "ignored; in a fact read back (a body with a version) the id is the old fact's and is ignored too.")
record FactBody(
        @Schema(description = "Optional: a random (version 4) UUID of your choosing makes a retry safe (409 once it "
                + "exists). Ignored in a body with a version: that id is the fact it was read from.") UUID id,
        @Schema(required = true) FactType type,
        DateBody date,
        @Schema(required = true, description = "1 to 50") List<ActorRoleBody> actors,
        @JsonDeserialize(contentUsing = ReferenceReader.Topic.class)
        @Schema(description = "Topic ids, or {id, name} as served (name ignored)") List<String> topics,
        @Schema(required = true) String summary,
        @Schema(required = true, description = "1 to 20") List<SourceBody> sources,
        String note,
        @Schema(description = "Read-only, accepted and ignored; it marks a fact read back, whose id is ignored")
        Integer version) {

    FactAssertion toAssertion() {
        // a body with a version was read from another fact: its id names that one, not the new fact
        UUID chosen = version == null ? id : null;
        return new FactAssertion(chosen, type, DateBody.spec(date), ActorRoleBody.roles(actors), topics, summary,
                SourceBody.passages(sources), note);
    }

    @Schema(name = "DateBody", description = "Either {value, precision?, text?} (value 2020, 2020-11 or 2020-11-12) or, as "
            + "served, {start, end, precision, text}: start and end must be exactly the interval the precision gives "
            + "(2021-05-01..2021-05-31 for MONTH). Precision UNKNOWN, an empty object or null: undated.")
    record DateBody(String value, LocalDate start, LocalDate end, DatePrecision precision, String text) {
        static FactAssertion.DateSpec spec(DateBody d) {
            return d == null ? null : new FactAssertion.DateSpec(d.value, d.start, d.end, d.precision, d.text);
        }
    }

    @Schema(name = "ActorRoleBody")
    record ActorRoleBody(
            @JsonDeserialize(using = ReferenceReader.Actor.class)
            @Schema(description = "An actor id, or {id, name, kind} as served (name and kind ignored)") String actor,
            Role role) {
        static List<FactAssertion.ActorRole> roles(List<ActorRoleBody> actors) {
            return actors == null ? null : actors.stream()
                    .map(a -> a == null ? null : new FactAssertion.ActorRole(a.actor, a.role)).toList();
        }
    }

    @Schema(name = "SourceBody", description = "A passage of a stored document: by quote, by start and end, or both "
            + "(then they must agree).")
    record SourceBody(
            @JsonDeserialize(using = ReferenceReader.Document.class)
            @Schema(description = "A document id, or {id, title} as served (title ignored)") UUID document,
            String quote, Integer start, Integer end,
            @Schema(description = "0 to 1; 1 when left out") Double confidence) {
        static List<FactAssertion.Passage> passages(List<SourceBody> sources) {
            return sources == null ? null : sources.stream()
                    .map(s -> s == null ? null : new FactAssertion.Passage(s.document, s.quote, s.start, s.end, s.confidence))
                    .toList();
        }
    }
}

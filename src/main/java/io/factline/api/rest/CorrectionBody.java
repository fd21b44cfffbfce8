package io.factline.api.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.factline.curation.FactCorrection;
import io.factline.domain.FactType;

/**
 * The body of POST /api/facts/{id}/corrections: the fields that change, written by hand or as the
 * fact is served (so a fact read, edited, can be posted back). The path names the fact and If-Match
 * its version, so the served id and version are ignored with the other fields only the server writes.
 */
@JsonIgnoreProperties({"id", "version", "status", "origin", "history", "retractionReason", "recordedAt", "updatedAt",
        "extraction"})
@Schema(name = "CorrectionBody", description = "The fields that change (each one given replaces the fact's) and a "
        + "reason, in the shapes FactBody takes. A fact as GET /api/facts/{id} serves it may be sent: its id, version "
        + "and other read-only fields are accepted and ignored (the path and If-Match decide).")
record CorrectionBody(FactType type, FactBody.DateBody date, List<FactBody.ActorRoleBody> actors,
                      @JsonDeserialize(contentUsing = ReferenceReader.Topic.class) List<String> topics,
                      String summary, List<FactBody.SourceBody> sources, String reason) {

    FactCorrection toCorrection() {
        return new FactCorrection(type, FactBody.DateBody.spec(date), FactBody.ActorRoleBody.roles(actors), topics,
                summary, FactBody.SourceBody.passages(sources), reason);
    }
}

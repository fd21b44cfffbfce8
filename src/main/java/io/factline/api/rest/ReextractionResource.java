package io.factline.api.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.api.AccessRoles;
import io.factline.api.Callers;
import io.factline.api.WriteConsistency;
import io.factline.domain.EventMetadata;
import io.factline.domain.NotFoundException;
import io.factline.ingest.Reextraction;
import io.smallrye.mutiny.Uni;

@Path("/api/admin/reextract")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "The read models: their position in the log, and rebuilding them")
public class ReextractionResource {

    @Inject
    Callers callers;
    @Inject
    Reextraction reextraction;
    @Inject
    WriteConsistency consistency;

    @RolesAllowed(AccessRoles.ADMIN)
    @POST
    @Operation(summary = "Run the current extractor over every stored document (or one: ?document=) and record what changed",
            description = "New facts are appended (or corroborate a fact another document brought); extracted facts "
                    + "the extractor no longer finds are retracted as superseded. Facts a curator asserted or corrected "
                    + "are never touched. Answers with counts once the views show the changes.")
    public Uni<Reextraction.Report> reextract(@QueryParam("document") String document) {
        EventMetadata metadata = callers.metadata("rest");
        Uni<Reextraction.Report> run;
        if (document == null) {
            run = reextraction.all(metadata);
        } else {
            UUID id = Params.uuid("document", document);
            run = reextraction.one(id, metadata).invoke(report -> {
                if (report.documents() == 0) {
                    throw new NotFoundException("document", document);
                }
            });
        }
        return run.chain(report -> consistency.visible(report.position()).map(visible -> report));
    }
}

package io.factline.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.api.AccessRoles;
import io.factline.projection.ProjectionLag;
import io.factline.projection.ReadModelProjector;
import io.smallrye.mutiny.Uni;

@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "The read models: their position in the log, and rebuilding them")
public class AdminResource {

    @Inject
    ReadModelProjector projector;
    @Inject
    ProjectionLag lag;

    @GET
    @Operation(summary = "Where the read models are in the log, its head, and how many events they have yet to apply")
    public Uni<Dtos.ProjectionStatus> status() {
        return lag.status().map(s -> new Dtos.ProjectionStatus(s.position(), s.head(), s.lag()));
    }

    @RolesAllowed(AccessRoles.ADMIN)
    @POST
    @Path("rebuild")
    @Operation(summary = "Drop every read model and replay the log from position 0, in one transaction",
            description = "Readers see the old views until the rebuild commits. Answers when it is done.")
    public Uni<ReadModelProjector.RebuildReport> rebuild() {
        return projector.rebuild();
    }
}

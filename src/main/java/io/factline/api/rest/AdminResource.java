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
import io.factline.projection.ReadModelProjector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@Path("/api/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "The read models: their position in the log, and rebuilding them")
public class AdminResource {

    @Inject
    ReadModelProjector projector;
    @Inject
    Pool pool;

    @GET
    @Operation(summary = "Where the read models are in the log, its head, and how many events they have yet to apply")
    public Uni<Dtos.ProjectionStatus> status() {
        return pool.query("select c.position, (select coalesce(max(position), 0) from event where position < event_horizon()), "
                        + "(select count(*) from event e where e.position > c.position and e.position < event_horizon()) "
                        + "from projection_checkpoint c where c.projection = 'read-models'").execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Dtos.ProjectionStatus(row.getLong(0), row.getLong(1), row.getLong(2));
                });
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

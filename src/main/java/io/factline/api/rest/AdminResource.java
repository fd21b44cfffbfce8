package io.factline.api.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.eventstore.PostgresEventStore;
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
    PostgresEventStore store;
    @Inject
    Pool pool;

    @GET
    @Operation(summary = "Where the read models are in the log, and how far behind its head")
    public Uni<Dtos.ProjectionStatus> status() {
        return pool.query("select position from projection_checkpoint where projection = 'read-models'").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(checkpoint -> store.lastPosition()
                        .map(head -> new Dtos.ProjectionStatus(checkpoint, head, head - checkpoint)));
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Drop every read model and replay the log from position 0, in one transaction",
            description = "Readers see the old views until the rebuild commits. Answers when it is done.")
    public Uni<ReadModelProjector.RebuildReport> rebuild() {
        return projector.rebuild();
    }
}

package io.factline.api.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.domain.NotFoundException;
import io.factline.query.ActorQueries;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

@Path("/api/actors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Actors", description = "States, people, organisations, parties and bodies, and their facts")
public class ActorsResource {

    @Inject
    ActorQueries actors;
    @Inject
    FactQueries facts;

    @GET
    @Operation(summary = "Actors whose name or an alias contains q, by name, in pages")
    public Uni<Dtos.ActorList> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        return actors.search(q, PageSize.of(Params.integer("limit", limit)), cursor)
                .map(page -> new Dtos.ActorList(page.items().stream().map(Dtos.ActorDto::of).toList(),
                        page.hasNext() ? page.endCursor() : null));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One actor, by its slug (e.g. moon-jae-in, south-korea)")
    public Uni<Dtos.ActorDto> get(@PathParam("id") String id) {
        return actors.byId(Params.slug("actor", id)).map(found -> Dtos.ActorDto.of(found.orElseThrow(() -> new NotFoundException("actor", id))));
    }

    @GET
    @Path("{id}/facts")
    @Operation(summary = "The facts of an actor by date, filtered like /api/facts")
    public Uni<Dtos.FactList> facts(@PathParam("id") String id, @BeanParam FactPageParams page) {
        return page.ofSubject(facts, filter -> filter.withActor(Params.slug("actor", id)), () -> get(id));
    }
}

package io.factline.api.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.domain.NotFoundException;
import io.factline.query.FactQueries;
import io.factline.query.TopicQueries;
import io.smallrye.mutiny.Uni;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The topic dictionary and the facts of each topic")
public class TopicsResource {

    @Inject
    TopicQueries topics;
    @Inject
    FactQueries facts;

    @GET
    @Operation(summary = "Every topic, with its number of active facts")
    public Uni<Dtos.TopicList> list() {
        return topics.all().map(all -> new Dtos.TopicList(all.stream().map(Dtos.TopicDto::of).toList()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One topic, by its slug (e.g. north-korea-nuclear)")
    public Uni<Dtos.TopicDto> get(@PathParam("id") String id) {
        return topics.byId(Params.slug("topic", id)).map(found -> Dtos.TopicDto.of(found.orElseThrow(() -> new NotFoundException("topic", id))));
    }

    @GET
    @Path("{id}/facts")
    @Operation(summary = "The facts of a topic by date, filtered like /api/facts")
    public Uni<Dtos.FactList> facts(@PathParam("id") String id, @BeanParam FactPageParams page) {
        return page.ofSubject(facts, filter -> filter.withTopic(Params.slug("topic", id)), () -> get(id));
    }
}

package io.factline.api.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.query.FactQueries;
import io.factline.query.Granularity;
import io.smallrye.mutiny.Uni;

@Path("/api/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Counts of facts per year or month")
public class TimelineResource {

    @Inject
    FactQueries facts;

    @GET
    @Operation(summary = "Facts per period (granularity YEAR or MONTH) with the split by type, for the same filters as /api/facts",
            description = "A fact counts in a period only if its date is at least as precise as the period; undated facts are not counted.")
    public Uni<Dtos.Timeline> timeline(@QueryParam("actor") List<String> actors, @QueryParam("topic") List<String> topics,
                                       @QueryParam("type") List<String> types, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("document") String document,
                                       @QueryParam("q") String q, @QueryParam("includeRetracted") String includeRetracted,
                                       @QueryParam("granularity") String granularity) {
        var filter = Params.filter(actors, topics, types, from, to, document, q, includeRetracted);
        Granularity g = Params.granularity(granularity);
        return facts.timeline(filter, g).map(periods -> new Dtos.Timeline(g.name(), periods));
    }
}

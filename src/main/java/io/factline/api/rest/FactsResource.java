package io.factline.api.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.factline.api.AccessRoles;
import io.factline.api.Callers;
import io.factline.domain.EventMetadata;
import io.factline.api.WriteConsistency;
import io.factline.curation.FactCommandResult;
import io.factline.curation.FactCorrection;
import io.factline.curation.FactCuration;
import io.factline.domain.MalformedRequestException;
import io.factline.domain.NotFoundException;
import io.factline.log.EventLog;
import io.factline.projection.FactDoc;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

@Path("/api/facts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facts", description = "Sourced facts, their history, and curators' corrections")
public class FactsResource {

    @Inject
    Callers callers;
    @Inject
    FactQueries facts;
    @Inject
    FactCuration curation;
    @Inject
    WriteConsistency consistency;
    @Inject
    EventLog log;

    @GET
    @Operation(summary = "Facts matching a filter, by date then id, in pages",
            description = "actor and topic may repeat (every one must be involved); type may repeat (any of them). "
                    + "from/to keep facts whose whole date lies inside. Continue with cursor=nextCursor.")
    public Uni<Dtos.FactList> list(@QueryParam("actor") List<String> actors, @QueryParam("topic") List<String> topics,
                                   @QueryParam("type") List<String> types, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("document") String document,
                                   @QueryParam("q") String q, @QueryParam("includeRetracted") String includeRetracted,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var filter = Params.filter(actors, topics, types, from, to, document, q, includeRetracted);
        return facts.page(filter, PageSize.of(Params.integer("limit", limit)), cursor)
                .map(Dtos.FactList::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One fact, retracted or not; its ETag is its version")
    public Uni<Response> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        UUID factId = Params.pathId("fact", id);
        return facts.byId(factId).map(found -> {
            FactDoc doc = found.orElseThrow(() -> new NotFoundException("fact", id));
            EntityTag tag = etag(doc.version());
            if (ifNoneMatch != null && ifNoneMatch.contains(tag.toString())) {
                return Response.notModified(tag).build();
            }
            return Response.ok(doc).tag(tag).build();
        });
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every event of a fact, oldest first: who changed it, when and why")
    public Uni<Dtos.FactHistory> history(@PathParam("id") String id) {
        UUID factId = Params.pathId("fact", id);
        return facts.byId(factId).map(found -> {
            FactDoc doc = found.orElseThrow(() -> new NotFoundException("fact", id));
            return new Dtos.FactHistory(doc.id(), doc.version(), doc.status().name(), doc.history());
        });
    }

    @RolesAllowed(AccessRoles.CURATE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assert a fact (curator); 201 with the fact, its Location and ETag",
            description = "Takes a fact written by hand or exactly as GET /api/facts/{id} serves one: read-only fields "
                    + "are accepted and ignored, and a fact read back (one with a version) gets an id of its own.")
    public Uni<Response> assertFact(FactBody body) {
        Params.body(body, "a fact: {type, date, actors, topics, summary, sources}");
        return curation.assertFact(body.toAssertion(), callers.metadata("rest"))
                .chain(result -> answer(result, Response.Status.CREATED));
    }

    @RolesAllowed(AccessRoles.CURATE)
    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a fact; If-Match must carry its current version (ETag)",
            description = "The fields given replace the fact's, in the shapes POST /api/facts takes; the fact as served "
                    + "may be sent back edited (its id, version and other read-only fields are ignored).")
    public Uni<Response> correct(@PathParam("id") String id, CorrectionBody body,
                                 @HeaderParam("If-Match") String ifMatch) {
        UUID factId = Params.pathId("fact", id);
        Params.body(body, "a correction: the fields that change and a reason");
        FactCorrection correction = body.toCorrection();
        EventMetadata metadata = callers.metadata("rest");
        return expectedVersion(factId, ifMatch)
                .chain(version -> curation.correctFact(factId, version, correction, metadata))
                .chain(result -> answer(result, Response.Status.OK));
    }

    @RolesAllowed(AccessRoles.CURATE)
    @POST
    @Path("{id}/retraction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retract a fact with a reason; it stays readable with its history. If-Match required")
    public Uni<Response> retract(@PathParam("id") String id, Dtos.Retraction retraction,
                                 @HeaderParam("If-Match") String ifMatch) {
        UUID factId = Params.pathId("fact", id);
        Params.body(retraction, "a retraction: {reason}");
        EventMetadata metadata = callers.metadata("rest");
        String reason = retraction.reason();
        return expectedVersion(factId, ifMatch)
                .chain(version -> curation.retractFact(factId, version, reason, metadata))
                .chain(result -> answer(result, Response.Status.OK));
    }

    private Uni<Response> answer(FactCommandResult result, Response.Status status) {
        URI location = URI.create("/api/facts/" + result.factId());
        Response recorded = Response.accepted(new Dtos.Recorded(result.factId(), result.version(), result.position(),
                "recorded; the views will show it shortly")).location(location).tag(etag(result.version())).build();
        return consistency.visible(result.position())
                .chain(visible -> visible ? facts.byId(result.factId()) : Uni.createFrom().item(java.util.Optional.<FactDoc>empty()))
                .map(found -> found.map(doc -> Response.status(status)
                                .entity(doc)
                                .location(status == Response.Status.CREATED ? location : null)
                                .tag(etag(doc.version()))
                                .build())
                        .orElse(recorded));
    }

    /** If-Match: "3" (or W/"3", or 3) names the version the change applies to; * means whatever is current. */
    private Uni<Integer> expectedVersion(UUID factId, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return log.fact(factId).map(found -> found.orElseThrow(() -> new NotFoundException("fact", factId)).version());
        }
        String digits = value.replaceFirst("^W/", "").replace("\"", "");
        try {
            return Uni.createFrom().item(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            if (digits.matches("\\d+")) { // a version no fact reaches
                return Uni.createFrom().item(Integer.MAX_VALUE);
            }
            throw new MalformedRequestException("If-Match carries the fact's version as its ETag, e.g. \"3\"; not " + value);
        }
    }

    static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** A change to a fact without If-Match: 428, since blind overwrites are what versions prevent. */
    public static class PreconditionRequiredException extends RuntimeException {
        public PreconditionRequiredException() {
            super("send If-Match with the fact's current version (its ETag) to change it");
        }
    }
}

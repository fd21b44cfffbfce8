package io.factline.api.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.factline.api.DataExceptions;
import io.factline.eventstore.Outages;
import io.factline.api.StrictJson;
import io.factline.domain.ConflictException;
import io.factline.domain.ContentTooLargeException;
import io.factline.domain.InvalidFactException;
import io.factline.domain.MalformedRequestException;
import io.factline.domain.NotFoundException;
import io.factline.domain.StaleVersionException;
import io.factline.domain.UnsupportedContentException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/** Every failure of a REST request becomes an RFC 9457 problem (application/problem+json). */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    static Response problem(int status, String type, String title, String detail, String instance, Integer version) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("/problems/" + type, title, status, detail, instance, version))
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFactException e, UriInfo uri) {
        return problem(422, "invalid-value", "Invalid value", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response malformed(MalformedRequestException e, UriInfo uri) {
        return problem(400, "malformed-request", "Malformed request", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "conflict", "Conflict with the current state", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e, UriInfo uri) {
        return problem(412, "stale-version", "The fact has changed since that version", e.getMessage(), path(uri),
                e.currentVersion());
    }

    @ServerExceptionMapper
    public Response preconditionRequired(FactsResource.PreconditionRequiredException e, UriInfo uri) {
        return problem(428, "precondition-required", "Precondition required", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response tooLarge(ContentTooLargeException e, UriInfo uri) {
        return problem(413, "too-large", "Content too large", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response unsupported(UnsupportedContentException e, UriInfo uri) {
        return problem(415, "unsupported-content", "Unsupported content", e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response unreadableValue(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        String detail = cause instanceof InvalidFactException ? cause.getMessage() : originalMessage(e);
        return problem(422, "invalid-value", "Invalid value", detail, path(uri), null);
    }

    /** A text that is not a valid value (422); a value of another JSON type than expected (400). */
    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        if (e instanceof StrictJson.UnfitTextException) {
            return problem(422, "invalid-value", "Invalid value", at(e) + ": " + e.getOriginalMessage(), path(uri), null);
        }
        if (!(e.getValue() instanceof String)) {
            return problem(400, "malformed-request", "Malformed JSON", at(e) + ": " + e.getValue() + " is not a "
                    + e.getTargetType().getSimpleName(), path(uri), null);
        }
        return problem(422, "invalid-value", "Invalid value", "'" + e.getValue() + "' is not a valid "
                + e.getTargetType().getSimpleName() + " at " + at(e), path(uri), null);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        if (e instanceof InvalidFormatException f) {
            return wrongFormat(f, uri);
        }
        return problem(400, "malformed-request", "Malformed JSON", at(e) + ": " + originalMessage(e), path(uri), null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException m) {
            return wrongShape(m, uri);
        }
        if (e instanceof ValueInstantiationException v) {
            return unreadableValue(v, uri);
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return problem(400, "malformed-request", "Malformed JSON", originalMessage(e) + where, path(uri), null);
    }

    @ServerExceptionMapper
    public Response unreadableDocumentJson(DocumentsResource.UncheckedJson e, UriInfo uri) {
        return unreadableJson((JsonProcessingException) e.getCause(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(problem(401, "unauthenticated", "Authentication required",
                "this request needs a bearer token (JWT) carrying the role it requires", path(uri), null), null);
    }

    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException e, UriInfo uri) {
        return challenge(problem(401, "invalid-token", "Invalid token",
                "the bearer token was refused: expired, not signed by the configured key, from another issuer, "
                        + "or malformed", path(uri), null), "invalid_token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        RolesAllowed roles = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        String needed = roles == null ? "a role it does not carry" : "the role " + String.join(" or ", roles.value());
        return problem(403, "forbidden", "Forbidden", "this request needs " + needed, path(uri), null);
    }

    /** RFC 6750: a 401 names the scheme, and the error when a token was presented. */
    private static Response challenge(Response problem, String error) {
        return Response.fromResponse(problem)
                .header("WWW-Authenticate", "Bearer realm=\"factline\"" + (error == null ? "" : ", error=\"" + error + "\""))
                .build();
    }

    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e, UriInfo uri) {
        return problem(415, "unsupported-media-type", "Unsupported media type",
                "this endpoint does not take that Content-Type", path(uri), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) { // the JSON reader's own 400
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String type = e instanceof NotAllowedException ? "method-not-allowed"
                : e instanceof NotAcceptableException ? "not-acceptable"
                : status == 400 ? "malformed-request"
                : status == 404 ? "not-found" : status == 413 ? "too-large" : status == 415 ? "unsupported-media-type"
                : "http-" + status;
        String detail = status == 400 && e.getCause() == null ? "the request cannot be read" : e.getMessage();
        return problem(status, type, title, detail, path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Outages.isOutage(e)) {
            LOG.warnf("database unavailable: %s (%s)", path(uri), e.getMessage());
            return unavailable(path(uri));
        }
        PgException refused = DataExceptions.find(e);
        if (refused != null) {
            return problem(422, "invalid-value", "Invalid value", "a value cannot be stored: " + refused.getErrorMessage(),
                    path(uri), null);
        }
        LOG.error("request failed: " + path(uri), e);
        return problem(500, "internal-error", "Internal error",
                "the request failed on our side; if it was a change, read the resource to see whether it was recorded",
                path(uri), null);
    }

    /** 503 with Retry-After: the database is away, the request may be sent again in a moment. */
    static Response unavailable(String instance) {
        return Response.fromResponse(problem(503, "unavailable", "Service unavailable",
                        "the database cannot be reached just now; nothing was changed unless a later read shows it. "
                                + "Try again in a few seconds", instance, null))
                .header("Retry-After", Outages.RETRY_AFTER_SECONDS)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String originalMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "the body is not valid JSON" : message.split("\n")[0];
    }

    /** Where in the body: "sources[0].start", or "the body" itself. */
    private static String at(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return path.length() == 0 ? "the body" : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }
}

package io.factline.api.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.factline.api.Failure;
import io.factline.api.FailureKind;
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

/**
 * Every failure of a REST request becomes an RFC 9457 problem (application/problem+json), as the
 * failure table ({@link Failure}, {@link FailureKind}) says.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /**
     * Each type is named, not only Throwable: a mapper for the type itself outranks Quarkus's own
     * (security, Jackson) and keeps RESTEasy from unwrapping it first.
     */
    @ServerExceptionMapper({NotFoundException.class, InvalidFactException.class, MalformedRequestException.class,
            ConflictException.class, StaleVersionException.class, ContentTooLargeException.class,
            UnsupportedContentException.class, ValueInstantiationException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonProcessingException.class, UnauthorizedException.class,
            AuthenticationFailedException.class, ForbiddenException.class, Throwable.class})
    public Response classified(Throwable e, UriInfo uri, ResourceInfo resource) {
        Failure failure = Failure.of(e);
        if (failure.kind() == FailureKind.UNAVAILABLE) {
            LOG.warnf("database unavailable: %s (%s)", path(uri), e.getMessage());
        } else if (failure.kind() == FailureKind.INTERNAL) {
            LOG.error("request failed: " + path(uri), e);
        } else if (failure.kind() == FailureKind.FORBIDDEN) {
            failure = new Failure(FailureKind.FORBIDDEN, "this request needs " + neededRole(resource));
        }
        return problem(failure, path(uri), e instanceof StaleVersionException stale ? stale.currentVersion() : null);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(FactsResource.PreconditionRequiredException e, UriInfo uri) {
        return problem(new Failure(FailureKind.PRECONDITION_REQUIRED, e.getMessage()), path(uri), null);
    }

    @ServerExceptionMapper
    public Response unreadableDocumentJson(DocumentsResource.UncheckedJson e, UriInfo uri) {
        return problem(Failure.of(e.getCause()), path(uri), null);
    }

    /** JAX-RS's own refusals: the kind its status stands for; a status the table lacks, titled by its reason phrase. */
    @ServerExceptionMapper({WebApplicationException.class, NotSupportedException.class})
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e instanceof NotSupportedException) {
            return problem(new Failure(FailureKind.UNSUPPORTED_MEDIA_TYPE, "this endpoint does not take that Content-Type"),
                    path(uri), null);
        }
        if (e.getCause() instanceof JsonProcessingException json) { // the JSON reader's own 400
            return problem(Failure.of(json), path(uri), null);
        }
        int status = e.getResponse().getStatus();
        FailureKind kind = e instanceof NotAllowedException ? FailureKind.METHOD_NOT_ALLOWED
                : e instanceof NotAcceptableException ? FailureKind.NOT_ACCEPTABLE
                : status == 400 ? FailureKind.MALFORMED_REQUEST
                : status == 404 ? FailureKind.NOT_FOUND : status == 413 ? FailureKind.TOO_LARGE
                : status == 415 ? FailureKind.UNSUPPORTED_MEDIA_TYPE : null;
        String detail = status == 400 && e.getCause() == null ? "the request cannot be read" : e.getMessage();
        if (kind != null) { // one title per problem type (RFC 9457): the table's
            return problem(new Failure(kind, detail), path(uri), null);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return response(status, new Problem("/problems/http-" + status, title, status, detail, path(uri), null), Map.of());
    }

    private static Response problem(Failure failure, String instance, Integer version) {
        FailureKind kind = failure.kind();
        return response(kind.status(), new Problem(kind.type(), failure.title(), kind.status(), failure.detail(), instance, version),
                kind.headers());
    }

    private static Response response(int status, Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(response::header);
        return response.build();
    }

    private static String neededRole(ResourceInfo resource) {
        RolesAllowed roles = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return roles == null ? "a role it does not carry" : "the role " + String.join(" or ", roles.value());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}

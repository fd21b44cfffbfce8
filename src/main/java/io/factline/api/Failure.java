package io.factline.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.factline.domain.ConflictException;
import io.factline.domain.ContentTooLargeException;
import io.factline.domain.InvalidFactException;
import io.factline.domain.MalformedRequestException;
import io.factline.domain.NotFoundException;
import io.factline.domain.StaleVersionException;
import io.factline.domain.UnsupportedContentException;
import io.factline.eventstore.Outages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * A failure as the API tells it: its kind (the {@link FailureKind} table, which gives its status,
 * problem type, title and GraphQL code) and what went wrong. {@link #of} is the one classification
 * of a Throwable that REST problems and GraphQL codes both read.
 */
public record Failure(FailureKind kind, String detail) {

    public static final String TOKEN_REFUSED = "the bearer token was refused: expired, not signed by the configured key, "
            + "from another issuer, or malformed";
    public static final String TOKEN_NEEDED = "this request needs a bearer token (JWT) carrying the role it requires";
    public static final String OUR_FAULT = "the request failed on our side; if it was a change, read the resource "
            + "to see whether it was recorded";

    /** Failures whose message says it all, in the order they are tried. */
    private static final List<Map.Entry<Class<? extends Throwable>, FailureKind>> TOLD_BY_MESSAGE = List.of(
            Map.entry(NotFoundException.class, FailureKind.NOT_FOUND),
            Map.entry(InvalidFactException.class, FailureKind.INVALID_VALUE),
            Map.entry(MalformedRequestException.class, FailureKind.MALFORMED_REQUEST),
            Map.entry(StaleVersionException.class, FailureKind.STALE_VERSION),
            Map.entry(ConflictException.class, FailureKind.CONFLICT),
            Map.entry(ContentTooLargeException.class, FailureKind.TOO_LARGE),
            Map.entry(UnsupportedContentException.class, FailureKind.UNSUPPORTED_CONTENT),
            Map.entry(ForbiddenException.class, FailureKind.FORBIDDEN));

    /** The kind's: one title per problem type (RFC 9457), whatever the detail. */
    public String title() {
        return kind.title();
    }

    public static Failure of(Throwable failure) {
        for (Map.Entry<Class<? extends Throwable>, FailureKind> told : TOLD_BY_MESSAGE) {
            if (told.getKey().isInstance(failure)) {
                return new Failure(told.getValue(), failure.getMessage());
            }
        }
        if (failure instanceof AuthenticationFailedException) {
            return new Failure(FailureKind.INVALID_TOKEN, TOKEN_REFUSED);
        }
        if (failure instanceof UnauthorizedException) {
            return new Failure(FailureKind.UNAUTHENTICATED, TOKEN_NEEDED);
        }
        if (failure instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        PgException refused = DataExceptions.find(failure); // before outages: their test reads messages, which may quote a value
        if (refused != null) {
            return new Failure(FailureKind.INVALID_VALUE, "a value cannot be stored: " + refused.getErrorMessage());
        }
        if (Outages.isOutage(failure)) {
            return new Failure(FailureKind.UNAVAILABLE, "the database cannot be reached just now; nothing was changed unless "
                    + "a later read shows it. Try again in a few seconds");
        }
        return new Failure(FailureKind.INTERNAL, OUR_FAULT);
    }

    /**
     * A failure before the request reached a resource or resolver (while it was being set up): its
     * credentials, the database away (so nothing ran), or ours.
     */
    public static Failure outside(Throwable failure) {
        Failure classified = failure == null ? new Failure(FailureKind.INTERNAL, OUR_FAULT) : of(failure);
        return switch (classified.kind()) {
            case UNAUTHENTICATED, INVALID_TOKEN, FORBIDDEN -> classified;
            case UNAVAILABLE -> new Failure(FailureKind.UNAVAILABLE, "the database cannot be reached just now; try again in a few seconds");
            default -> new Failure(FailureKind.INTERNAL, OUR_FAULT);
        };
    }

    /** JSON that cannot be read: of another shape than expected (400), or a text that is no valid value (422). */
    private static Failure unreadable(JsonProcessingException e) {
        if (e instanceof StrictJson.UnfitTextException) {
            return new Failure(FailureKind.INVALID_VALUE, at((JsonMappingException) e) + ": " + e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f && !(f.getValue() instanceof String)) {
            return malformedJson(at(f) + ": " + f.getValue() + " is not a " + f.getTargetType().getSimpleName());
        }
        if (e instanceof InvalidFormatException f) {
            return new Failure(FailureKind.INVALID_VALUE, "'" + f.getValue() + "' is not a valid "
                    + f.getTargetType().getSimpleName() + " at " + at(f));
        }
        if (e instanceof MismatchedInputException m) {
            return malformedJson(at(m) + ": " + originalMessage(m));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            return new Failure(FailureKind.INVALID_VALUE, cause instanceof InvalidFactException ? cause.getMessage() : originalMessage(v));
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return malformedJson(originalMessage(e) + where);
    }

    private static Failure malformedJson(String detail) {
        return new Failure(FailureKind.MALFORMED_REQUEST, detail);
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

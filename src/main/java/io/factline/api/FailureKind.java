package io.factline.api;

import java.util.Map;

import io.factline.eventstore.Outages;

/**
 * The failure table: what each kind of failure is over REST (HTTP status, problem type
 * {@code /problems/<slug>} and title, RFC 9457) and over GraphQL ({@code extensions.code}). A kind
 * without a slug is never a problem document (GraphQL's own); one without a GraphQL code never
 * arises over GraphQL. {@link Failure#of} says which kind a Throwable is.
 */
public enum FailureKind {
    //                      status  slug                      title                                      GraphQL code
    MALFORMED_REQUEST(        400, "malformed-request",      "Malformed request",                        "BAD_USER_INPUT"),
    UNAUTHENTICATED(          401, "unauthenticated",        "Authentication required",                  "UNAUTHENTICATED"),
    INVALID_TOKEN(            401, "invalid-token",          "Invalid token",                            "UNAUTHENTICATED"),
    FORBIDDEN(                403, "forbidden",              "Forbidden",                                "FORBIDDEN"),
    NOT_FOUND(                404, "not-found",              "Not found",                                "NOT_FOUND"),
    METHOD_NOT_ALLOWED(       405, "method-not-allowed",     "Method not allowed",                       "METHOD_NOT_ALLOWED"),
    NOT_ACCEPTABLE(           406, "not-acceptable",         "Not acceptable",                           null),
    CONFLICT(                 409, "conflict",               "Conflict with the current state",          "CONFLICT"),
    STALE_VERSION(            412, "stale-version",          "The fact has changed since that version",  "VERSION_CONFLICT"),
    TOO_LARGE(                413, "too-large",              "Content too large",                        "TOO_LARGE"),
    UNSUPPORTED_CONTENT(      415, "unsupported-content",    "Unsupported content",                      "UNSUPPORTED_CONTENT"),
    // over GraphQL only the gate meets a Content-Type, and answers it as no GraphQL request
    UNSUPPORTED_MEDIA_TYPE(   415, "unsupported-media-type", "Unsupported media type",                   "BAD_REQUEST"),
    INVALID_VALUE(            422, "invalid-value",          "Invalid value",                            "BAD_USER_INPUT"),
    PRECONDITION_REQUIRED(    428, "precondition-required",  "Precondition required",                    null),
    INTERNAL(                 500, "internal-error",         "Internal error",                           "INTERNAL_SERVER_ERROR"),
    UNAVAILABLE(              503, "unavailable",            "Service unavailable",                      "UNAVAILABLE"),
    // GraphQL's own: a body that is no GraphQL request, then a query refused before it runs or as it runs
    NOT_A_GRAPHQL_REQUEST(    400, null, null,                                                            "BAD_REQUEST"),
    GRAPHQL_PARSE_FAILED(       0, null, null,                                                            "GRAPHQL_PARSE_FAILED"),
    GRAPHQL_VALIDATION_FAILED(  0, null, null,                                                            "GRAPHQL_VALIDATION_FAILED"),
    TOO_COSTLY(                 0, null, null,                                                            "TOO_COSTLY"),
    PERSISTED_QUERY_NOT_FOUND(  0, null, null,                                                            "PERSISTED_QUERY_NOT_FOUND"),
    // REST answers a write the views do not show yet 202 Accepted with what it recorded: no failure there
    NOT_YET_VISIBLE(            0, null, null,                                                            "NOT_YET_VISIBLE");

    private final int status;
    private final String slug;
    private final String title;
    private final String graphqlCode;

    FailureKind(int status, String slug, String title, String graphqlCode) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.graphqlCode = graphqlCode;
    }

    /** The HTTP status of an answer that is this failure alone; 0 where GraphQL answers it among the results. */
    public int status() {
        return status;
    }

    /** The problem type, {@code /problems/<slug>}; null for GraphQL's own kinds. */
    public String type() {
        return slug == null ? null : "/problems/" + slug;
    }

    public String title() {
        return title;
    }

    /** {@code extensions.code} over GraphQL; null for a kind that never arises there. */
    public String graphqlCode() {
        return graphqlCode;
    }

    /** Headers that go with an answer of this kind: a 401 names its scheme (RFC 6750), a 503 when to come back. */
    public Map<String, String> headers() {
        return switch (this) {
            case UNAUTHENTICATED -> Map.of("WWW-Authenticate", "Bearer realm=\"factline\"");
            case INVALID_TOKEN -> Map.of("WWW-Authenticate", "Bearer realm=\"factline\", error=\"invalid_token\"");
            case UNAVAILABLE -> Map.of("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS));
            default -> Map.of();
        };
    }
}

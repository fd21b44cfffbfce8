package io.factline.api.graphql;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import graphql.language.SourceLocation;
import io.factline.api.Failure;
import io.factline.api.FailureKind;
import io.factline.config.FactlineConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a GraphQL request that does not run, in GraphQL-over-HTTP form: one error with its code
 * (and where in the query), as {@code application/graphql-response+json} where the client reads it,
 * else as JSON.
 */
@ApplicationScoped
public class GraphQLAnswers {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final Logger LOG = Logger.getLogger(GraphQLAnswers.class);

    /** Why a request is not run: its kind (which gives its code), message and where in the query. */
    record Refusal(FailureKind kind, String message, SourceLocation location) {
    }

    @Inject
    FactlineConfig config;

    void install(@Observes Router router) {
        router.route("/graphql").order(Integer.MIN_VALUE + 4).failureHandler(GraphQLAnswers::failed);
        router.route("/graphql").order(Integer.MIN_VALUE + 1).handler(context -> {
            context.addHeadersEndHandler(ignored -> plainContentType(context));
            context.next();
        });
        if (config.auth().readsRequireToken()) {
            // Quarkus would answer an anonymous request with a bare challenge and no body
            // after CORS (-300), so a cross-origin front end can read the refusal; before authentication (-200)
            router.route("/graphql").order(-250).handler(GraphQLAnswers::requireToken);
        }
    }

    private static void requireToken(RoutingContext context) {
        if (context.request().getHeader("Authorization") == null && !"OPTIONS".equals(context.request().method().name())) {
            fail(context, FailureKind.UNAUTHENTICATED, Failure.TOKEN_NEEDED);
            return;
        }
        context.next();
    }

    /**
     * Failures at the HTTP layer, whose default answer is REST's or Quarkus's page, get a GraphQL error:
     * a bearer token that does not verify (401, with the challenge), the database away (503,
     * UNAVAILABLE, Retry-After), anything else (500, INTERNAL_SERVER_ERROR).
     */
    private static void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || failure == null && context.statusCode() < 500) {
            context.next();
            return;
        }
        Failure outside = Failure.outside(failure);
        switch (outside.kind()) {
            // no token, where reads need one, is no refused token: its challenge names no error (RFC 6750 §3.1)
            case UNAUTHENTICATED, INVALID_TOKEN -> fail(context, outside.kind(), outside.detail());
            case UNAVAILABLE -> fail(context, FailureKind.UNAVAILABLE, outside.detail());
            default -> {
                LOG.error("GraphQL request failed outside its resolvers", failure);
                fail(context, FailureKind.INTERNAL, "System error"); // SmallRye's words for a failure of ours
            }
        }
    }

    /**
     * A body that is no GraphQL request (BAD_REQUEST) or a mutation over GET (405, with Allow) gets its
     * kind's status; a GraphQL request refused before it runs, 400 where the client reads
     * application/graphql-response+json, else 200.
     */
    static void refuse(RoutingContext context, Refusal refusal) {
        FailureKind kind = refusal.kind();
        boolean noGraphQLRequest = kind == FailureKind.NOT_A_GRAPHQL_REQUEST || kind == FailureKind.UNSUPPORTED_MEDIA_TYPE
                || kind == FailureKind.METHOD_NOT_ALLOWED;
        if (kind == FailureKind.METHOD_NOT_ALLOWED) {
            context.response().putHeader("Allow", "POST");
        }
        int status = noGraphQLRequest ? kind.status() : readsGraphQLResponse(context) ? 400 : 200;
        send(context, status, kind, refusal.message(), refusal.location());
    }

    /** A failure at the HTTP layer: the kind's own status. */
    private static void fail(RoutingContext context, FailureKind kind, String message) {
        send(context, kind.status(), kind, message, null);
    }

    private static void send(RoutingContext context, int status, FailureKind kind, String message, SourceLocation location) {
        kind.headers().forEach(context.response()::putHeader);
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", kind.graphqlCode()));
        if (location != null) {
            error.put("locations", new JsonArray().add(new JsonObject().put("line", location.getLine()).put("column", location.getColumn())));
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", readsGraphQLResponse(context) ? GRAPHQL_RESPONSE + "; charset=utf-8" : "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    /** SmallRye echoes the Accept it chose, weight and all ({@code ;q=0.9}): an answer names its type and charset only. */
    private static void plainContentType(RoutingContext context) {
        String contentType = context.response().headers().get("Content-Type");
        if (contentType == null) {
            return;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || media.equals(GRAPHQL_RESPONSE)) {
            context.response().putHeader("Content-Type", media + ";charset=UTF-8");
        }
    }

    private static boolean readsGraphQLResponse(RoutingContext context) {
        return GRAPHQL_RESPONSE.equals(responseType(context));
    }

    /**
     * The media type of the answer: the first the client accepts, by weight, of
     * application/graphql-response+json, application/json and the older application/graphql+json;
     * application/json where it accepts anything or sends no Accept (GraphQL-over-HTTP); null where
     * it accepts none of them.
     */
    public static String responseType(RoutingContext context) {
        List<MIMEHeader> accepted = context.parsedHeaders().accept();
        if (context.request().getHeader("Accept") == null || accepted.isEmpty()) {
            return "application/json";
        }
        for (MIMEHeader type : accepted) {
            String media = type.rawValue().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (media) {
                case GRAPHQL_RESPONSE, "application/json", "application/graphql+json" -> {
                    return media;
                }
                case "*/*", "application/*" -> {
                    return "application/json";
                }
                default -> {
                }
            }
        }
        return null;
    }
}

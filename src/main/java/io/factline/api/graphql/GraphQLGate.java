package io.factline.api.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import io.factline.api.Failure;
import io.factline.api.FailureKind;
import io.factline.api.StrictJson;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Admits a GraphQL request over HTTP before SmallRye runs it: the body is one JSON object whose
 * {@code query} is a text, {@code operationName} a text or absent, {@code variables} and
 * {@code extensions} objects or absent (else 400, {@code BAD_REQUEST}); the query parses
 * ({@code GRAPHQL_PARSE_FAILED}, with line and column); its texts are text and its numbers fit
 * ({@code BAD_USER_INPUT}); and what it would cost — fields, depth, objects, counted through aliases
 * and fragments — is within budget ({@code TOO_COSTLY}). Verdicts on a query text are kept, since they
 * depend on it alone.
 */
@ApplicationScoped
public class GraphQLGate {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final int KEPT_VERDICTS = 512;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StrictJson.MAX_DEPTH).build());
    }

    /** A refusal: its kind (which gives its code), message and where in the query. */
    record Refusal(FailureKind kind, String message, SourceLocation location) {
    }

    @Inject
    Instance<GraphQLSchema> schema;
    @ConfigProperty(name = "factline.graphql.max-depth", defaultValue = "12")
    int maxDepth;
    @ConfigProperty(name = "factline.graphql.max-complexity", defaultValue = "2000")
    int maxFields;
    @ConfigProperty(name = "factline.graphql.max-objects", defaultValue = "5000")
    int maxObjects;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    private final Map<String, Refusal> verdicts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Refusal> eldest) {
            return size() > KEPT_VERDICTS;
        }
    });
    private static final Refusal ADMITTED = new Refusal(null, null, null);

    void install(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(maxBody.asLongValue()));
        router.post("/graphql").order(Integer.MIN_VALUE + 3).handler(this::admit);
        router.route("/graphql").order(Integer.MIN_VALUE + 4).failureHandler(this::failed);
    }

    /**
     * Failures at the HTTP layer, whose default answer is REST's or Quarkus's page, get a GraphQL error:
     * a bearer token that does not verify (401, with the challenge), the database away (503,
     * UNAVAILABLE, Retry-After), anything else (500, INTERNAL_SERVER_ERROR).
     */
    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || failure == null && context.statusCode() < 500) {
            context.next();
            return;
        }
        Failure outside = Failure.outside(failure);
        switch (outside.kind()) {
            // a read without a token, where reads need one, is answered as a refused token too
            case UNAUTHENTICATED, INVALID_TOKEN -> answer(context, FailureKind.INVALID_TOKEN, Failure.TOKEN_REFUSED, null);
            case UNAVAILABLE -> answer(context, FailureKind.UNAVAILABLE, outside.detail(), null);
            default -> {
                LOG.error("GraphQL request failed outside its resolvers", failure);
                answer(context, FailureKind.INTERNAL, "System error", null); // SmallRye's words for a failure of ours
            }
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GraphQLGate.class);

    private void admit(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !media.equals("application/graphql")) {
            answer(context, FailureKind.UNSUPPORTED_MEDIA_TYPE, "a GraphQL request is sent as application/json (or a bare query as "
                    + "application/graphql), not " + (contentType == null ? "without a Content-Type" : contentType), null);
            return;
        }
        Buffer body = context.body().buffer();
        if (media.equals("application/graphql")) {
            judge(context, body == null ? "" : body.toString(), null, null);
            return;
        }
        if (body == null || body.length() == 0) {
            answer(context, FailureKind.NOT_A_GRAPHQL_REQUEST, "the body is a JSON object: {query, operationName, variables, extensions}", null);
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            answer(context, FailureKind.NOT_A_GRAPHQL_REQUEST, "the body is no JSON: " + e.getOriginalMessage(), null);
            return;
        } catch (java.io.IOException e) {
            answer(context, FailureKind.NOT_A_GRAPHQL_REQUEST, "the body cannot be read", null);
            return;
        }
        String envelope = envelope(request);
        if (envelope != null) {
            answer(context, FailureKind.NOT_A_GRAPHQL_REQUEST, envelope, null);
            return;
        }
        JsonNode name = request.get("operationName");
        judge(context, request.get("query").textValue(), name == null || name.isNull() ? null : name.textValue(), request.get("variables"));
    }

    /** Why the JSON is no GraphQL request, or null. */
    static String envelope(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "the body is a JSON object: {query, operationName, variables, extensions}";
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return "the request has no query";
        }
        if (!query.isTextual()) {
            return "query is a text (the GraphQL document), not " + kind(query);
        }
        for (String optional : new String[]{"operationName", "variables", "extensions"}) {
            JsonNode value = request.get(optional);
            boolean fits = value == null || value.isNull() || (optional.equals("operationName") ? value.isTextual() : value.isObject());
            if (!fits) {
                return optional + " is " + (optional.equals("operationName") ? "a text" : "an object") + " or absent, not " + kind(value);
            }
        }
        return null;
    }

    private void judge(RoutingContext context, String query, String operationName, JsonNode variables) {
        String key = (operationName == null ? "" : operationName) + '\u0000' + query;
        Refusal refusal = verdicts.get(key);
        Document document = null;
        if (refusal == null) {
            try {
                document = parse(query);
                refusal = structure(document, operationName);
            } catch (InvalidSyntaxException e) {
                refusal = new Refusal(FailureKind.GRAPHQL_PARSE_FAILED, e.getMessage(), e.getLocation());
            }
            if (query.length() < 20_000) {
                verdicts.put(key, refusal == null ? ADMITTED : refusal);
            }
        }
        if ((refusal == null || refusal == ADMITTED) && variables != null && !variables.isEmpty()) {
            String unfit = variables(document != null ? document : parse(query), operationName, variables);
            if (unfit != null) {
                refusal = new Refusal(FailureKind.INVALID_VALUE, unfit, null);
            }
        }
        if (refusal == null || refusal == ADMITTED) {
            context.next();
            return;
        }
        answer(context, refusal.kind(), refusal.message(), refusal.location());
    }

    private Refusal structure(Document document, String operationName) {
        String unfit = InputTexts.inLiterals(document);
        if (unfit != null) {
            return new Refusal(FailureKind.INVALID_VALUE, unfit, null);
        }
        QueryCost.Cost cost = QueryCost.of(schema.get(), document, operationName);
        if (cost.depth() > maxDepth) {
            return new Refusal(FailureKind.TOO_COSTLY, "this query is " + cost.depth() + " levels deep (maximum query depth "
                    + maxDepth + ")", null);
        }
        if (cost.fields() > maxFields) {
            return new Refusal(FailureKind.TOO_COSTLY, "this query selects " + cost.fields() + " fields, aliases and fragments "
                    + "counted where used (maximum query complexity " + maxFields + ")", null);
        }
        if (cost.objects() > maxObjects) {
            return new Refusal(FailureKind.TOO_COSTLY, "this query could return about " + cost.objects() + " facts, actors, topics "
                    + "and documents, more than " + maxObjects + " in one response: ask for smaller pages, fewer aliases "
                    + "or fewer levels", null);
        }
        return null;
    }

    /** Why the variables are no values of the types the operation declares, or null (GraphQL's own coercion). */
    private String variables(Document document, String operationName, JsonNode variables) {
        String unfit = InputTexts.inVariables(document, variables);
        if (unfit != null) {
            return unfit;
        }
        OperationDefinition operation = null;
        for (OperationDefinition o : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(o.getName())) {
                operation = o;
            }
        }
        if (operation == null) {
            return null;
        }
        try {
            ValuesResolver.coerceVariableValues(schema.get(), operation.getVariableDefinitions(),
                    RawVariables.of(JSON.convertValue(variables, VARIABLES)), GraphQLContext.getDefault(), Locale.ENGLISH);
            return null;
        } catch (RuntimeException e) {
            return e instanceof GraphQLError ? e.getMessage() : null; // anything else: let execution say it
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> VARIABLES = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private static Document parse(String query) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(15_000).maxRuleDepth(200));
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
    }

    /**
     * A request that is no GraphQL request, or fails at the HTTP layer, gets its kind's status; a GraphQL
     * request refused before it runs, 400 where the client reads application/graphql-response+json and
     * 200 where it reads JSON.
     */
    private static void answer(RoutingContext context, FailureKind kind, String message, SourceLocation location) {
        String accept = context.request().getHeader("Accept");
        boolean graphqlResponse = accept != null && accept.contains(GRAPHQL_RESPONSE);
        int status = kind.status() != 0 && kind != FailureKind.INVALID_VALUE ? kind.status() : graphqlResponse ? 400 : 200;
        kind.headers().forEach(context.response()::putHeader);
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", kind.graphqlCode()));
        if (location != null) {
            error.put("locations", new JsonArray().add(new JsonObject().put("line", location.getLine()).put("column", location.getColumn())));
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", graphqlResponse ? GRAPHQL_RESPONSE + "; charset=utf-8" : "application/json; charset=utf-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "a list" : value.isNumber() ? "a number"
                : value.isBoolean() ? "true or false" : value.isTextual() ? "a text" : "null";
    }
}

package io.factline.api.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import io.factline.config.FactlineConfig;
import io.factline.api.FailureKind;
import io.factline.api.graphql.GraphQLAnswers.Refusal;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Admits a GraphQL request over HTTP before SmallRye runs it: the body is a GraphQL request
 * ({@link GraphQLRequest}; else {@code BAD_REQUEST}); the query parses
 * ({@code GRAPHQL_PARSE_FAILED}, with line and column); its texts are text and its numbers fit
 * ({@code BAD_USER_INPUT}); and what it would cost — fields, depth, objects, counted through aliases
 * and fragments — is within budget ({@code TOO_COSTLY}); its variables are values of the types it
 * declares ({@code BAD_USER_INPUT}). A refusal is answered by {@link GraphQLAnswers}.
 */
@ApplicationScoped
public class GraphQLGate {

    /** Where an admitted request waits for the handlers after the gate: its {@link GraphQLRequest}. */
    public static final String ADMITTED = "factline.graphql.admitted";
    /**
     * Where the admitted request's variables wait, as the gate coerced them to the types the operation declares
     * ({@code graphql.execution.CoercedVariables}); absent where the request had no variables or no single operation.
     */
    public static final String COERCED = "factline.graphql.coerced-variables";
    /** Where an admitted request's query waits, parsed (graphql-java's {@link Document}), so no one parses it again. */
    public static final String DOCUMENT = "factline.graphql.document";
    private static final int KEPT_VERDICTS = 512;
    private static final String WEBSOCKET_PROTOCOL = "graphql-transport-ws";
    private final PersistedQueries persisted = new PersistedQueries();

    /**
     * What the gate keeps per query text: why it is refused, or the kind of operation it runs, and the parsed
     * document (null where it did not parse), so that a request with variables is not parsed again to judge them.
     */
    private record Verdict(Refusal refusal, OperationDefinition.Operation operation, Document document) {
    }

    @Inject
    Instance<GraphQLSchema> schema;
    @Inject
    FactlineConfig config;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    private final Map<String, Verdict> verdicts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
            return size() > KEPT_VERDICTS;
        }
    });

    /**
     * Admission runs after Quarkus's CORS (-300), authentication (-200) and authorization (-100)
     * filters and SmallRye's WebSocket handler (-99): its refusals reach cross-origin front ends
     * (a PersistedQueryNotFound they cannot read would never be answered with the query), and no
     * one who may not read learns anything from them, persisted queries included.
     */
    static final int ORDER = -98;

    void install(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(maxBody.asLongValue()));
        router.get("/graphql").order(Integer.MIN_VALUE + 3).handler(GraphQLGate::webSocketProtocol);
        router.post("/graphql").order(ORDER).handler(this::admit);
        router.get("/graphql").order(ORDER).handler(this::admit);
        // what reaches SmallRye's own HTTP handler unadmitted would run unchecked: nothing does
        router.route("/graphql").order(GraphQLHttp.ORDER + 1).handler(context -> {
            String method = context.request().method().name();
            if ((method.equals("GET") || method.equals("POST")) && context.get(ADMITTED) == null && !context.response().ended()) {
                GraphQLAnswers.refuse(context, new Refusal(FailureKind.NOT_A_GRAPHQL_REQUEST, "the request was not admitted", null));
            } else {
                context.next();
            }
        });
    }

    /** A WebSocket to /graphql speaks graphql-transport-ws; any other subprotocol, or none, is refused at the handshake. */
    private static void webSocketProtocol(RoutingContext context) {
        if (!"websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
            context.next();
            return;
        }
        String protocols = context.request().getHeader("Sec-WebSocket-Protocol");
        if (protocols != null && List.of(protocols.strip().split("\\s*,\\s*")).contains(WEBSOCKET_PROTOCOL)) {
            context.next(); // SmallRye's; the token may come in connection_init
        } else {
            GraphQLAnswers.refuse(context, new Refusal(FailureKind.NOT_A_GRAPHQL_REQUEST, "a WebSocket to /graphql speaks "
                    + WEBSOCKET_PROTOCOL + " (Sec-WebSocket-Protocol), not " + (protocols == null ? "no subprotocol" : protocols), null));
        }
    }

    private void admit(RoutingContext context) {
        boolean get = context.request().method() == HttpMethod.GET;
        if (get && "websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
            context.next(); // an upgrade SmallRye's WebSocket handler did not take: the backstop refuses it
            return;
        }
        GraphQLRequest request = get ? GraphQLRequest.read(context.queryParams())
                : GraphQLRequest.read(context.request().getHeader("Content-Type"), context.body().buffer());
        if (request.refusal() == null) {
            request = persisted.resolve(request);
        }
        Refusal refusal = request.refusal() != null ? request.refusal() : judge(request, context);
        if (refusal == null) {
            persisted.remember(request);
            context.put(ADMITTED, request);
            context.next();
        } else {
            GraphQLAnswers.refuse(context, refusal);
        }
    }

    /** The query's verdict: kept per query text, since it depends on that alone; then its variables'. */
    private Refusal judge(GraphQLRequest request, RoutingContext context) {
        Verdict verdict = verdictOf(request.query(), request.operationName());
        if (verdict.refusal() != null) {
            return verdict.refusal();
        }
        context.put(DOCUMENT, verdict.document());
        if (request.get() && verdict.operation() != null && verdict.operation() != OperationDefinition.Operation.QUERY) {
            return new Refusal(FailureKind.METHOD_NOT_ALLOWED, "a " + verdict.operation().name().toLowerCase(Locale.ROOT)
                    + " is sent with POST: GET serves queries only", null);
        }
        if (request.variables() != null && !request.variables().isEmpty()) {
            String unfit = variables(verdict.document(), request, context);
            if (unfit != null) {
                return new Refusal(FailureKind.INVALID_VALUE, unfit, null);
            }
        }
        return null;
    }

    /**
     * Why a query is refused whatever its variables — it does not parse, its texts or numbers are
     * unfit, it is over a budget — or null. For what does not come through this gate: a WebSocket's.
     */
    Refusal refusalOf(String query, String operationName) {
        return verdictOf(query, operationName).refusal();
    }

    private Verdict verdictOf(String query, String operationName) {
        String key = (operationName == null ? "" : operationName) + '\u0000' + query;
        Verdict verdict = verdicts.get(key);
        if (verdict == null) {
            try {
                Document document = parse(query);
                Refusal refusal = structure(document, operationName);
                OperationDefinition operation = operation(document, operationName);
                verdict = new Verdict(refusal, operation == null ? null : operation.getOperation(), document);
            } catch (InvalidSyntaxException e) {
                verdict = new Verdict(new Refusal(FailureKind.GRAPHQL_PARSE_FAILED, e.getMessage(), e.getLocation()), null, null);
            }
            if (query.length() < 20_000) {
                verdicts.put(key, verdict);
            }
        }
        return verdict;
    }

    private Refusal structure(Document document, String operationName) {
        String unfit = InputTexts.inLiterals(document);
        if (unfit != null) {
            return new Refusal(FailureKind.INVALID_VALUE, unfit, null);
        }
        QueryCost.Cost cost = QueryCost.of(schema.get(), document, operationName);
        int maxDepth = config.graphql().maxDepth();
        int maxFields = config.graphql().maxComplexity();
        int maxObjects = config.graphql().maxObjects();
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
    private String variables(Document document, GraphQLRequest request, RoutingContext context) {
        String unfit = InputTexts.inVariables(document, request.variables());
        if (unfit != null) {
            return unfit;
        }
        OperationDefinition operation = operation(document, request.operationName());
        if (operation == null) {
            return null;
        }
        try {
            context.put(COERCED, ValuesResolver.coerceVariableValues(schema.get(), operation.getVariableDefinitions(),
                    RawVariables.of(request.variableValues()), GraphQLContext.getDefault(), Locale.ENGLISH));
            return null;
        } catch (RuntimeException e) {
            return e instanceof GraphQLError ? e.getMessage() : null; // anything else: let execution say it
        }
    }

    /** The operation the request runs; null where its name or their number leaves that open (execution says so). */
    private static OperationDefinition operation(Document document, String operationName) {
        OperationDefinition chosen = null;
        int count = 0;
        for (OperationDefinition o : document.getDefinitionsOfType(OperationDefinition.class)) {
            count++;
            if (operationName == null || operationName.equals(o.getName())) {
                chosen = o;
            }
        }
        return operationName == null && count > 1 ? null : chosen;
    }

    private static Document parse(String query) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(15_000).maxRuleDepth(200));
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
    }
}

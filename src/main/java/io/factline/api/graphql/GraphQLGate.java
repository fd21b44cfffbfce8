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
    private static final int KEPT_VERDICTS = 512;
    private static final Refusal PASSES = new Refusal(null, null, null);

    @Inject
    Instance<GraphQLSchema> schema;
    @Inject
    FactlineConfig config;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    private final Map<String, Refusal> verdicts = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Refusal> eldest) {
            return size() > KEPT_VERDICTS;
        }
    });

    void install(@Observes Router router) {
        router.post("/graphql").order(Integer.MIN_VALUE + 2).handler(BodyHandler.create().setBodyLimit(maxBody.asLongValue()));
        router.post("/graphql").order(Integer.MIN_VALUE + 3).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        GraphQLRequest request = GraphQLRequest.read(context.request().getHeader("Content-Type"), context.body().buffer());
        Refusal refusal = request.refusal() != null ? request.refusal() : judge(request);
        if (refusal == null) {
            context.put(ADMITTED, request);
            context.next();
        } else {
            GraphQLAnswers.refuse(context, refusal);
        }
    }

    /** The query's verdict: kept per query text, since it depends on that alone; then its variables'. */
    private Refusal judge(GraphQLRequest request) {
        String query = request.query();
        String operationName = request.operationName();
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
                verdicts.put(key, refusal == null ? PASSES : refusal);
            }
        }
        if (refusal != null && refusal != PASSES) {
            return refusal;
        }
        if (request.variables() != null && !request.variables().isEmpty()) {
            String unfit = variables(document != null ? document : parse(query), request);
            if (unfit != null) {
                return new Refusal(FailureKind.INVALID_VALUE, unfit, null);
            }
        }
        return null;
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
    private String variables(Document document, GraphQLRequest request) {
        String unfit = InputTexts.inVariables(document, request.variables());
        if (unfit != null) {
            return unfit;
        }
        OperationDefinition operation = null;
        for (OperationDefinition o : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (request.operationName() == null || request.operationName().equals(o.getName())) {
                operation = o;
            }
        }
        if (operation == null) {
            return null;
        }
        try {
            ValuesResolver.coerceVariableValues(schema.get(), operation.getVariableDefinitions(),
                    RawVariables.of(request.variableValues()), GraphQLContext.getDefault(), Locale.ENGLISH);
            return null;
        } catch (RuntimeException e) {
            return e instanceof GraphQLError ? e.getMessage() : null; // anything else: let execution say it
        }
    }

    private static Document parse(String query) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(15_000).maxRuleDepth(200));
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
    }
}

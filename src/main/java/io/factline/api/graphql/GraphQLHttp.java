package io.factline.api.graphql;

import static io.quarkus.jsonp.JsonProviderHolder.jsonProvider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExecutionResult;
import io.factline.config.FactlineConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs an admitted GraphQL request (GET or POST, its query found by hash where it came so) through
 * SmallRye's execution, as GraphQL-over-HTTP wants it answered: in the media type the client
 * accepts (406 if none), and — under {@code application/graphql-response+json} — 400 for a request
 * that did not run (a validation error: no {@code data}). SmallRye's own HTTP handler reads GET
 * parameters wrongly (URL-decodes twice, takes the query for the operation name) and knows no
 * persisted queries, so it serves only what this one passes on: OPTIONS.
 */
@ApplicationScoped
public class GraphQLHttp {

    private static final Logger LOG = Logger.getLogger(GraphQLHttp.class);

    @Inject
    Instance<CurrentIdentityAssociation> identities;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    FactlineConfig config;

    /** After Quarkus's authentication (-200) and authorization (-100) filters, before SmallRye's own route. */
    static final int ORDER = -50;

    void install(@Observes Router router) {
        Executor executor = new Executor(identities.isResolvable() ? identities.get() : null, currentRequest,
                config.auth().readsRequireToken());
        router.route("/graphql").order(ORDER).handler(context -> {
            if (context.get(GraphQLGate.ADMITTED) == null) {
                context.next();
            } else {
                executor.handle(context);
            }
        });
    }

    private static final class Executor extends SmallRyeGraphQLAbstractHandler {

        private final boolean readsNeedToken;

        Executor(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest, boolean readsNeedToken) {
            super(identities, currentRequest, false);
            this.readsNeedToken = readsNeedToken;
        }

        @Override
        protected void doHandle(RoutingContext context) {
            String media = GraphQLAnswers.responseType(context);
            if (media == null) {
                context.response().setStatusCode(406).end();
                return;
            }
            GraphQLRequest request = context.get(GraphQLGate.ADMITTED);
            JsonObjectBuilder input = jsonProvider().createObjectBuilder().add("query", request.query());
            if (request.operationName() != null) {
                input.add("operationName", request.operationName());
            }
            if (request.variables() != null && request.variables().isObject()) {
                input.add("variables", inputToJsonObject(request.variables().toString()));
            }
            getExecutionService().executeAsync(input.build(), getMetaData(context), new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    answer(context, media, response);
                }

                @Override
                public void fail(Throwable failure) {
                    context.fail(failure);
                }
            });
        }

        private void answer(RoutingContext context, String media, ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (result.isDataPresent() && result.getErrors().stream().anyMatch(e -> e.getErrorType() == ErrorType.ExecutionAborted)) {
                LOG.error("GraphQL execution aborted: " + result.getErrors());
                context.fail(500);
                return;
            }
            int status = !result.isDataPresent() && GraphQLAnswers.GRAPHQL_RESPONSE.equals(media) ? 400 : 200;
            try {
                GraphQLResults.send(context, status, media + ";charset=UTF-8", response.getExecutionResultAsString(), readsNeedToken);
            } catch (IllegalStateException alreadyAnswered) {
                LOG.debug("the response was ended before the result was written", alreadyAnswered);
            }
        }
    }
}

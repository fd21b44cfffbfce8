package io.factline.api.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.factline.api.graphql.GraphQLAnswers.Refusal;

/**
 * A query over WebSocket never passes the HTTP {@link GraphQLGate}, so graphql-java asks the gate's
 * verdict before it runs one: a query too deep, too wide or able to return too much is refused there
 * too ({@code TOO_COSTLY}), as are unfit texts and numbers. An HTTP request was judged on admission;
 * its verdict is found in the gate's cache.
 */
@ApplicationScoped
public class WebSocketGate {

    @Inject
    GraphQLGate gate;

    void addTo(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ChainedInstrumentation(List.of(builder.build().getInstrumentation(), new Judged())));
    }

    private final class Judged extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            Refusal refusal = gate.refusalOf(parameters.getQuery(), parameters.getOperation());
            if (refusal != null) {
                GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().message(refusal.message())
                        .extensions(java.util.Map.of("code", refusal.kind().graphqlCode()));
                if (refusal.location() != null) {
                    error.location(refusal.location());
                }
                throw new AbortExecutionException(List.of(error.build()));
            }
            return super.beginExecution(parameters, state);
        }
    }
}

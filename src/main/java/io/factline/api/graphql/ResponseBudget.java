package io.factline.api.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import graphql.ExecutionInput;
import graphql.GraphQLContext;
import io.factline.config.FactlineConfig;
import io.smallrye.graphql.api.Context;

/**
 * Caps how many objects (facts, actors, topics, documents) one GraphQL response may hold. Depth and
 * field-count limits cannot see page sizes: a few fields with {@code first: 100} at three levels ask
 * for a million objects. Each resolver that returns objects spends from the request's budget; the
 * one that overspends fails with {@code TOO_COSTLY}.
 */
@ApplicationScoped
public class ResponseBudget {

    private static final String SPENT = "factline.objects";

    /** Spends from one request's budget; taken when a resolver starts, used when its results arrive. */
    public interface Account {
        void spend(int objects);
    }

    @Inject
    Context context;
    @Inject
    FactlineConfig config;

    public Account account() {
        ExecutionInput input = context.unwrap(ExecutionInput.class);
        if (input == null) {
            return objects -> { };
        }
        GraphQLContext request = input.getGraphQLContext();
        AtomicInteger spent = request.computeIfAbsent(SPENT, key -> new AtomicInteger());
        int maxObjects = config.graphql().maxObjects();
        return objects -> {
            if (spent.addAndGet(objects) > maxObjects) {
                throw new Errors.BudgetExceeded("this query asks for more than " + maxObjects
                        + " facts, actors, topics and documents in one response; ask for smaller pages");
            }
        };
    }
}

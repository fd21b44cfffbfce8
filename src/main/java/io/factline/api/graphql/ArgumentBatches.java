package io.factline.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLNamedType;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;

/**
 * SmallRye batches the calls of a {@code @Source List} field into one DataLoader per field and runs each
 * batch with the arguments of its first call (its BatchLoaderHelper reads only the first key's context).
 * So {@code actor { recent: facts(first: 1) all: facts(first: 50) }}, or two actors asked for different
 * pages, got the first call's page everywhere. Here the calls whose arguments equal the field's first
 * call still share its batch; a call with other arguments runs in a batch of its own.
 */
@ApplicationScoped
public class ArgumentBatches {

    /** Per execution: the arguments of each batched field's first call. */
    private static final String FIRST_ARGUMENTS = ArgumentBatches.class.getName();

    void addTo(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ChainedInstrumentation(List.of(builder.build().getInstrumentation(), new Separated())));
    }

    private static final class Separated extends SimplePerformantInstrumentation {
        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            return fetcher instanceof BatchDataFetcher<?> ? environment -> fetch(fetcher, environment) : fetcher;
        }
    }

    @SuppressWarnings("unchecked")
    static Object fetch(DataFetcher<?> fetcher, DataFetchingEnvironment environment) throws Exception {
        Map<String, Object> arguments = environment.getArguments();
        if (arguments.isEmpty() || !(environment.getParentType() instanceof GraphQLNamedType parent)) {
            return fetcher.get(environment);
        }
        String name = parent.getName() + "_" + environment.getFieldDefinition().getName(); // BatchLoaderHelper.getName
        DataLoader<Object, Object> shared = environment.getDataLoader(name);
        if (shared == null || !(shared.getBatchLoadFunction() instanceof BatchLoaderWithContext<?, ?> load)) {
            return fetcher.get(environment);
        }
        Map<String, Map<String, Object>> first = environment.getGraphQlContext()
                .computeIfAbsent(FIRST_ARGUMENTS, key -> new ConcurrentHashMap<String, Map<String, Object>>());
        Map<String, Object> firstArguments = first.putIfAbsent(name, arguments);
        if (firstArguments == null || firstArguments.equals(arguments)) {
            return fetcher.get(environment);
        }
        DataLoader<Object, Object> own = DataLoaderFactory.newDataLoader((BatchLoaderWithContext<Object, Object>) load,
                shared.getOptions());
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().register(name, own).build();
        Object result = fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                .dataLoaderRegistry(registry).build());
        own.dispatch(); // not in the execution's registry, so graphql-java's dispatching never sees it
        return result;
    }
}

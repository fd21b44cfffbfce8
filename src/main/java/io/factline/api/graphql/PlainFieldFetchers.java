package io.factline.api.graphql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * Reads the plain properties of factline's own GraphQL types (a fact's summary, a date's start …)
 * without SmallRye's per-field request context. SmallRye clones that context and computes the
 * selection set again for every property of every object (profiled: most of the CPU of a page of 20
 * facts); nothing in these types reads it. Values are still transformed as SmallRye would (dates,
 * collections); other types keep SmallRye's own fetcher.
 */
public class PlainFieldFetchers implements DataFetcherService {

    private static final String OWN_TYPES = PlainFieldFetchers.class.getPackageName() + ".";

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (!owner.getClassName().startsWith(OWN_TYPES) || field.getMethodName() == null) {
            return null;
        }
        try {
            Class<?> ownerClass = ClassloadingService.get().loadClass(owner.getClassName());
            MethodHandle getter = MethodHandles.publicLookup().unreflect(ownerClass.getMethod(field.getMethodName()));
            return new PlainFieldFetcher<>(getter, new FieldHelper(field));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static final class PlainFieldFetcher<T> implements PlugableDataFetcher<T>, TrivialDataFetcher<T> {
        private final MethodHandle getter;
        private final FieldHelper helper;

        PlainFieldFetcher(MethodHandle getter, FieldHelper helper) {
            this.getter = getter;
            this.helper = helper;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment environment) throws Exception {
            try {
                return (T) helper.transformOrAdaptResponse(getter.invoke((Object) environment.getSource()), environment);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}

package io.factline.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Answers a batched field for a list of parents: details already at hand are used, the rest loaded in one read. */
final class Batches {

    private Batches() {
    }

    static <P, K, V, T> Uni<List<T>> field(List<P> parents, Function<P, K> id, Function<P, V> preloaded,
                                           Function<Collection<K>, Uni<Map<K, V>>> load, Function<V, T> field) {
        Set<K> missing = new LinkedHashSet<>();
        for (P parent : parents) {
            if (preloaded.apply(parent) == null) {
                missing.add(id.apply(parent));
            }
        }
        Uni<Map<K, V>> loaded = missing.isEmpty() ? Uni.createFrom().item(Map.of()) : load.apply(missing);
        return Errors.guarded(() -> loaded.map(views -> {
            List<T> values = new ArrayList<>(parents.size());
            for (P parent : parents) {
                V view = preloaded.apply(parent) != null ? preloaded.apply(parent) : views.get(id.apply(parent));
                values.add(view == null ? null : field.apply(view));
            }
            return values;
        }));
    }
}

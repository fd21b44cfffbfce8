package io.factline.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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

    /**
     * For each value, what its key names, read for all at once: null where a value has no key or its key
     * names nothing; no read at all when no value has a key.
     */
    static <V, K, R, T> Uni<List<T>> referenced(List<V> values, Function<V, K> keyOf,
                                                Function<Collection<K>, Uni<Map<K, R>>> load, BiFunction<V, R, T> answer) {
        Set<K> keys = new LinkedHashSet<>();
        for (V value : values) {
            K key = keyOf.apply(value);
            if (key != null) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().item(values.stream().map(value -> (T) null).toList());
        }
        return load.apply(keys).map(found -> values.stream().map(value -> {
            K key = keyOf.apply(value);
            return key == null || !found.containsKey(key) ? null : answer.apply(value, found.get(key));
        }).toList());
    }
}

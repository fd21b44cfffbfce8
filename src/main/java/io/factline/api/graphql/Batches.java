package io.factline.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.factline.projection.FactDoc;
import io.factline.query.FactFilter;
import io.factline.query.Page;
import io.smallrye.mutiny.Uni;

/** Answers a batched field for a list of parents: details already at hand are used, the rest loaded in one read. */
final class Batches {

    private Batches() {
    }

    /** One connection per parent, from one read of all their pages; the facts count against the response budget. */
    static <K> Uni<List<Types.FactConnection>> connections(ResponseBudget.Account account, List<K> ids,
                                                             Uni<Map<K, Page<FactDoc>>> pages,
                                                             Function<K, FactFilter> filterOf) {
        return pages.invoke(byId -> account.spend(ids.stream().mapToInt(id -> byId.get(id).items().size()).sum()))
                .map(byId -> ids.stream().map(id -> Convert.connection(byId.get(id), filterOf.apply(id))).toList());
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

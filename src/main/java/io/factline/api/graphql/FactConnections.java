package io.factline.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.api.graphql.Inputs.FactFilterInput;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.projection.FactDoc;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.Page;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

/**
 * The facts field of actors, topics and documents: for all parents of a response, one read of their
 * pages, one connection each whose filter names its parent (for totalCount); the facts count against
 * the response budget, and a bad filter or page size is the caller's error.
 */
@ApplicationScoped
class FactConnections {

    /** One of FactQueries' reads of many parents' pages at once. */
    private interface PagesRead<K> {
        Uni<Map<K, Page<FactDoc>>> pages(List<K> ids, FactFilter filter, int first, String after);
    }

    @Inject
    FactQueries facts;
    @Inject
    ResponseBudget budget;

    Uni<List<FactConnection>> ofActors(List<String> ids, FactFilterInput filter, Integer first, String after) {
        return read(ids, () -> Convert.filter(filter), first, after, facts::pagesForActors, FactFilter::withActor);
    }

    Uni<List<FactConnection>> ofTopics(List<String> ids, FactFilterInput filter, Integer first, String after) {
        return read(ids, () -> Convert.filter(filter), first, after, facts::pagesForTopics, FactFilter::withTopic);
    }

    Uni<List<FactConnection>> ofDocuments(List<UUID> ids, boolean includeRetracted, Integer first, String after) {
        return read(ids, () -> new FactFilter(null, null, null, null, null, null, null, includeRetracted), first, after,
                facts::pagesForDocuments, FactFilter::withDocument);
    }

    private <K> Uni<List<FactConnection>> read(List<K> ids, Supplier<FactFilter> filterOf, Integer first, String after,
                                               PagesRead<K> read, BiFunction<FactFilter, K, FactFilter> narrow) {
        ResponseBudget.Account account = budget.account(); // the request's, taken before the read leaves its thread
        return Errors.guarded(() -> {
            FactFilter filter = filterOf.get();
            return read.pages(ids, filter, PageSize.of(first), after)
                    .invoke(byId -> account.spend(ids.stream().mapToInt(id -> byId.get(id).items().size()).sum()))
                    .map(byId -> ids.stream().map(id -> Convert.connection(byId.get(id), narrow.apply(filter, id))).toList());
        });
    }
}

package io.factline.api.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.factline.api.graphql.Types.Document;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.query.DocumentQueries;
import io.factline.query.DocumentView;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

/** Document fields that need a read of their own, each answered in one query for all documents of the response. */
@GraphQLApi
public class DocumentResolvers {

    @Inject
    DocumentQueries documents;
    @Inject
    FactQueries facts;
    @Inject
    ResponseBudget budget;

    public Uni<List<String>> publisher(@Source List<Document> list) {
        return details(list, d -> d.publisher);
    }

    @Description("The date as printed on the page.")
    public Uni<List<String>> published(@Source List<Document> list) {
        return details(list, d -> d.published);
    }

    public Uni<List<LocalDate>> publishedDate(@Source List<Document> list) {
        return details(list, d -> d.publishedDate);
    }

    public Uni<List<String>> url(@Source List<Document> list) {
        return details(list, d -> d.url);
    }

    public Uni<List<String>> mediaType(@Source List<Document> list) {
        return details(list, d -> d.mediaType);
    }

    @Description("Length of the stored text, in characters.")
    public Uni<List<Integer>> length(@Source List<Document> list) {
        return details(list, d -> d.length);
    }

    public Uni<List<OffsetDateTime>> ingestedAt(@Source List<Document> list) {
        return details(list, d -> d.ingestedAt);
    }

    @Description("The stored text: the text that every source's start and end index.")
    public Uni<List<String>> text(@Source List<Document> list) {
        return Errors.guarded(() -> {
            List<UUID> ids = ids(list);
            return documents.texts(ids).map(texts -> ids.stream().map(texts::get).toList());
        });
    }

    @Description("How many active facts cite the document.")
    public Uni<List<Integer>> factCount(@Source List<Document> list) {
        return Errors.guarded(() -> {
            List<UUID> ids = ids(list);
            return documents.factCounts(ids).map(counts -> ids.stream().map(counts::get).toList());
        });
    }

    @Description("The facts sourced from the document, by date.")
    public Uni<List<@NonNull FactConnection>> facts(@Source List<Document> list, Integer first, String after,
                                                    Boolean includeRetracted) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> {
            List<UUID> ids = ids(list);
            FactFilter filter = new FactFilter(null, null, null, null, null, null, null,
                    Boolean.TRUE.equals(includeRetracted));
            return Batches.connections(account, ids, facts.pagesForDocuments(ids, filter, PageSize.of(first), after),
                    filter::withDocument);
        });
    }

    private <T> Uni<List<T>> details(List<Document> list, Function<DocumentView, T> field) {
        return Batches.field(list, d -> UUID.fromString(d.id()), Document::details, documents::byIds, field);
    }

    private static List<UUID> ids(List<Document> list) {
        return list.stream().map(d -> UUID.fromString(d.id())).toList();
    }
}

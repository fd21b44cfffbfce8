package io.factline.api.graphql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
import io.smallrye.mutiny.Uni;

/** Document fields that need a read of their own, each answered in one query for all documents of the response. */
@GraphQLApi
public class DocumentResolvers {

    @Inject
    DocumentQueries documents;
    @Inject
    FactConnections factConnections;

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
        return byDocument(list, documents::texts);
    }

    @Description("How many active facts cite the document.")
    public Uni<List<Integer>> factCount(@Source List<Document> list) {
        return byDocument(list, documents::factCounts);
    }

    @Description("The facts sourced from the document, by date.")
    public Uni<List<@NonNull FactConnection>> facts(@Source List<Document> list, Integer first, String after,
                                                    Boolean includeRetracted) {
        return factConnections.ofDocuments(ids(list), Boolean.TRUE.equals(includeRetracted), first, after);
    }

    private <T> Uni<List<T>> details(List<Document> list, Function<DocumentView, T> field) {
        return Batches.field(list, d -> UUID.fromString(d.id()), Document::details, documents::byIds, field);
    }

    /** A value of each document that is not among its details, read for all of them in one query. */
    private <T> Uni<List<T>> byDocument(List<Document> list, Function<List<UUID>, Uni<Map<UUID, T>>> read) {
        return Errors.guarded(() -> {
            List<UUID> ids = ids(list);
            return read.apply(ids).map(values -> ids.stream().map(values::get).toList());
        });
    }

    private static List<UUID> ids(List<Document> list) {
        return list.stream().map(d -> UUID.fromString(d.id())).toList();
    }
}

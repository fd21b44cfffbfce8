package io.factline.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.MalformedRequestException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Documents in the order they were ingested, their texts, and how many active facts cite them. */
@ApplicationScoped
public class DocumentQueries {

    @Inject
    Pool pool;
    @Inject
    ReadMetrics metrics;

    public Uni<Optional<DocumentView>> byId(UUID id) {
        metrics.count("document_by_id");
        return ReadSessions.isolated(() -> DocumentView.<DocumentView>findById(id)).map(Optional::ofNullable);
    }

    public Uni<Map<UUID, DocumentView>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> list = List.copyOf(ids);
        metrics.count("documents_by_ids");
        return ReadSessions.isolated(() -> DocumentView.<DocumentView>list("id in ?1", list)).map(docs -> {
            Map<UUID, DocumentView> byId = new HashMap<>();
            docs.forEach(d -> byId.put(d.id, d));
            return byId;
        });
    }

    /** Documents by ingestion order; the cursor is the log position of the last one. */
    public Uni<Page<DocumentView>> page(int first, String after) {
        long position = positionCursor(after);
        metrics.count("document_page");
        return ReadSessions.isolated(() -> DocumentView.<DocumentView>find("position > ?1 order by position", position)
                .page(0, first + 1).list()).map(docs -> {
                    boolean more = docs.size() > first;
                    List<DocumentView> items = more ? docs.subList(0, first) : docs;
                    return new Page<>(List.copyOf(items),
                            items.isEmpty() ? null : Long.toString(items.get(items.size() - 1).position), more);
                });
    }

    public Uni<Map<UUID, String>> texts(Collection<UUID> ids) {
        metrics.count("document_texts");
        return pool.preparedQuery("select id, text from document_view where id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, String> texts = new HashMap<>();
                    rows.forEach(r -> texts.put(r.getUUID(0), r.getString(1)));
                    return texts;
                });
    }

    public Uni<Map<UUID, Integer>> factCounts(Collection<UUID> ids) {
        metrics.count("document_fact_counts");
        return pool.preparedQuery("""
                        select s.document_id, count(*) from fact_source s
                        where s.document_id = any($1) and s.status = 'ACTIVE'
                        group by 1""")
                .execute(Tuple.of((Object) ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Integer> counts = new HashMap<>();
                    ids.forEach(id -> counts.put(id, 0));
                    rows.forEach(r -> counts.put(r.getUUID(0), r.getLong(1).intValue()));
                    return counts;
                });
    }

    private static long positionCursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("not a cursor this service gave out: '" + after + "'");
        }
    }
}

package io.factline.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.FactType;
import io.factline.projection.FactDoc;
import io.factline.projection.ReadModelJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads facts from the read models: by id, in keyset pages for a filter, counted, and as timelines. */
@ApplicationScoped
public class FactQueries {

    @Inject
    Pool pool;
    @Inject
    ReadMetrics metrics;

    public Uni<Optional<FactDoc>> byId(UUID id) {
        metrics.count("fact_by_id");
        return pool.preparedQuery("select doc from fact_view where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(ReadModelJson.read(rows.iterator().next().getString(0))));
    }

    public Uni<Page<FactDoc>> page(FactFilter filter, int first, String after) {
        Cursor cursor = Cursor.decode(after);
        FactSql sql = FactSql.filtered(filter);
        String query = sql.page(cursor, first);
        metrics.count("fact_page");
        return pool.preparedQuery(query).execute(Tuple.from(sql.params()))
                .map(rows -> {
                    List<FactDoc> docs = new ArrayList<>(rows.size());
                    rows.forEach(row -> docs.add(ReadModelJson.read(row.getString(0))));
                    return toPage(docs, first);
                });
    }

    /**
     * A page of facts as stored (the JSON text of {@code fact_view.doc}), for plans that send the documents
     * on without reading them into objects: the same read as {@link #page}, one more than asked to tell if
     * more follow. {@code counted}: whether it counts as a fact_page read.
     */
    public Uni<List<String>> pageDocuments(FactFilter filter, int first, String after, boolean counted) {
        Cursor cursor = Cursor.decode(after);
        FactSql sql = FactSql.filtered(filter);
        String query = sql.page(cursor, first);
        if (counted) {
            metrics.count("fact_page");
        }
        return pool.preparedQuery(query).execute(Tuple.from(sql.params()))
                .map(rows -> {
                    List<String> docs = new ArrayList<>(rows.size());
                    rows.forEach(row -> docs.add(row.getString(0)));
                    return docs;
                });
    }

    /** {@link #count}, counted as a fact_count read or not. */
    public Uni<Long> count(FactFilter filter, boolean counted) {
        FactSql sql = FactSql.filtered(filter);
        if (counted) {
            metrics.count("fact_count");
        }
        return pool.preparedQuery(sql.count()).execute(Tuple.from(sql.params()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** One page per actor, in one query: the facts of each actor that also match the filter. */
    public Uni<Map<String, Page<FactDoc>>> pagesForActors(List<String> ids, FactFilter filter, int first, String after) {
        return pagesFor(FactSql.Lead.ACTOR, ids, filter, first, after);
    }

    public Uni<Map<String, Page<FactDoc>>> pagesForTopics(List<String> ids, FactFilter filter, int first, String after) {
        return pagesFor(FactSql.Lead.TOPIC, ids, filter, first, after);
    }

    public Uni<Map<UUID, Page<FactDoc>>> pagesForDocuments(List<UUID> ids, FactFilter filter, int first, String after) {
        return pagesFor(FactSql.Lead.DOCUMENT, ids, filter, first, after);
    }

    private <K> Uni<Map<K, Page<FactDoc>>> pagesFor(FactSql.Lead lead, List<K> ids, FactFilter filter, int first,
                                                     String after) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Cursor cursor = Cursor.decode(after);
        List<K> distinct = ids.stream().distinct().toList(); // a batch repeats an actor once per fact it is in
        Object[] array = lead == FactSql.Lead.DOCUMENT ? distinct.toArray(UUID[]::new) : distinct.toArray(String[]::new);
        FactSql sql = FactSql.forEach(lead, filter, array);
        String query = sql.lateralPages(sql.page(cursor, first));
        metrics.count("fact_pages_by_" + lead.name().toLowerCase(java.util.Locale.ROOT));
        return pool.preparedQuery(query).execute(Tuple.from(sql.params()))
                .map(rows -> {
                    Map<K, List<FactDoc>> byId = new LinkedHashMap<>();
                    distinct.forEach(id -> byId.put(id, new ArrayList<>()));
                    for (Row row : rows) {
                        @SuppressWarnings("unchecked")
                        K id = (K) row.getValue(0);
                        byId.get(id).add(ReadModelJson.read(row.getString(1)));
                    }
                    Map<K, Page<FactDoc>> pages = new LinkedHashMap<>();
                    byId.forEach((id, docs) -> pages.put(id, toPage(docs, first)));
                    return pages;
                });
    }

    public Uni<Long> count(FactFilter filter) {
        FactSql sql = FactSql.filtered(filter);
        metrics.count("fact_count");
        return pool.preparedQuery(sql.count()).execute(Tuple.from(sql.params()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Facts per period, with the split by type. Undated facts, and facts dated more coarsely than the period, are not counted. */
    public Uni<List<TimelineBucket>> timeline(FactFilter filter, Granularity granularity) {
        metrics.count("timeline");
        Uni<List<Row>> rows = TimelineCounts.canServe(filter, granularity)
                ? TimelineCounts.query(pool, filter, granularity)
                : timelineFromFacts(filter, granularity);
        return rows.map(FactQueries::buckets);
    }

    private Uni<List<Row>> timelineFromFacts(FactFilter filter, Granularity granularity) {
        FactSql sql = FactSql.filtered(filter);
        String query = sql.timeline(granularity);
        return pool.preparedQuery(query).execute(Tuple.from(sql.params())).map(Rows::list);
    }

    private static List<TimelineBucket> buckets(List<Row> rows) {
        Map<String, List<TimelineBucket.TypeCount>> periods = new LinkedHashMap<>();
        for (Row row : rows) {
            periods.computeIfAbsent(row.getString(0), p -> new ArrayList<>())
                    .add(new TimelineBucket.TypeCount(FactType.valueOf(row.getString(1)), row.getLong(2).intValue()));
        }
        List<TimelineBucket> buckets = new ArrayList<>();
        periods.forEach((period, byType) -> buckets.add(new TimelineBucket(period,
                byType.stream().mapToInt(TimelineBucket.TypeCount::count).sum(), byType)));
        return buckets;
    }

    private static Page<FactDoc> toPage(List<FactDoc> docs, int first) {
        boolean more = docs.size() > first;
        List<FactDoc> items = more ? docs.subList(0, first) : docs;
        String end = items.isEmpty() ? null : cursorOf(items.get(items.size() - 1)).encode();
        return new Page<>(List.copyOf(items), end, more);
    }

    public static Cursor cursorOf(FactDoc doc) {
        return new Cursor(doc.date().start() != null ? doc.date().start() : FactDoc.UNDATED, doc.id());
    }
}

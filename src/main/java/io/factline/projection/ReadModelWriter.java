package io.factline.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.factline.domain.DomainEvent.ActorAliasAdded;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.TopicDefined;
import io.factline.eventstore.RecordedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL that writes the read models; set-based, so a batch of thousands of facts is a few statements. */
final class ReadModelWriter {

    static final List<String> VIEWS = List.of("document_view", "actor_view", "topic_view", "fact_view", "fact_actor",
            "fact_topic", "fact_source", "actor_pair", "actor_topic", "timeline_count");

    private ReadModelWriter() {
    }

    /** DELETE, not TRUNCATE: TRUNCATE would lock readers out until the rebuild commits. */
    static Uni<Void> emptyAll(SqlClient client) {
        return inOrder(VIEWS.stream().map(view -> client.query("delete from " + view).execute().replaceWithVoid()).toList());
    }

    /**
     * Fresh statistics for the planner: views refilled in bulk would otherwise be planned on the
     * statistics of what was there before (or none), e.g. sorting a whole actor instead of reading its
     * index in order.
     */
    static Uni<Void> analyzeAll(SqlClient client) {
        return client.query("analyze " + String.join(", ", VIEWS)).execute().replaceWithVoid();
    }

    static Uni<Void> insertDocument(SqlClient client, DocumentIngested d, RecordedEvent recorded, String by) {
        return client.preparedQuery("insert into document_view (id, content_hash, title, publisher, published, "
                        + "published_date, url, media_type, text, length, ingested_at, ingested_by, position) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (id) do nothing")
                .execute(Tuple.tuple(Arrays.asList(d.documentId(), d.contentHash(), d.title(), d.publisher(), d.published(),
                        d.publishedDate(), d.url(), d.mediaType(), d.text(), d.text().length(), recorded.recordedAt(), by,
                        recorded.position())))
                .replaceWithVoid();
    }

    static Uni<Void> insertActor(SqlClient client, ActorRegistered a) {
        var m = a.mention();
        return client.preparedQuery("insert into actor_view (id, name, kind, aliases, wikidata_id, description, discovered, "
                        + "acts_for, mention_document, mention_text, mention_start, mention_end) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (id) do nothing")
                .execute(Tuple.tuple(Arrays.asList(a.actorId(), a.name(), a.kind().name(),
                        a.aliases().toArray(String[]::new), a.wikidataId(), a.description(), a.discoveredByExtractor(), a.actsFor(),
                        m == null ? null : m.documentId(), m == null ? null : m.text(), m == null ? null : m.start(),
                        m == null ? null : m.end())))
                .replaceWithVoid();
    }

    static Uni<Void> addAlias(SqlClient client, ActorAliasAdded a) {
        return client.preparedQuery("update actor_view set aliases = aliases || $2::text "
                        + "where id = $1 and not ($2 = any(aliases))")
                .execute(Tuple.of(a.actorId(), a.alias()))
                .replaceWithVoid();
    }

    static Uni<Void> insertTopic(SqlClient client, TopicDefined t) {
        return client.preparedQuery("insert into topic_view (id, name, description) values ($1, $2, $3) "
                        + "on conflict (id) do nothing")
                .execute(Tuple.of(t.topicId(), t.name(), t.description()))
                .replaceWithVoid();
    }

    /**
     * Replaces the rows of these facts: the fact documents, and their actor, topic and source rows.
     * {@code previous} are the rows the facts had before, removed by their keys.
     */
    static Uni<Void> replaceFacts(SqlClient client, List<FactRow> previous, List<FactRow> facts) {
        return inOrder(List.of(
                deleteKeyed(client, "fact_actor", "actor_id", "text", previous, f -> f.actorRoles().keySet().toArray(String[]::new)),
                deleteKeyed(client, "fact_topic", "topic_id", "text", previous, f -> f.topics().toArray(String[]::new)),
                deleteKeyed(client, "fact_source", "document_id", "uuid", previous, f -> f.documents().toArray(UUID[]::new)),
                upsertFactViews(client, facts),
                insertFactActors(client, facts),
                insertKeyed(client, "fact_topic", "topic_id", facts, f -> f.topics().toArray(String[]::new)),
                insertKeyed(client, "fact_source", "document_id", facts, f -> f.documents().toArray(UUID[]::new))));
    }

    /**
     * Sends the statements one after the other without waiting for each answer: on one connection
     * PostgreSQL runs them in that order, and the round trips between them are saved.
     */
    static Uni<Void> inOrder(List<Uni<Void>> statements) {
        return statements.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }

    /** One row per (key, fact): the keys of every fact, each beside the fact it belongs to. */
    private record KeyedRows(List<Object> keys, List<FactRow> owners) {
        static <K> KeyedRows of(List<FactRow> facts, Function<FactRow, K[]> keysOf) {
            List<Object> keys = new ArrayList<>();
            List<FactRow> owners = new ArrayList<>();
            for (FactRow fact : facts) {
                for (K key : keysOf.apply(fact)) {
                    keys.add(key);
                    owners.add(fact);
                }
            }
            return new KeyedRows(keys, owners);
        }

        Object keyArray() {
            return !keys.isEmpty() && keys.get(0) instanceof UUID ? keys.toArray(UUID[]::new) : keys.toArray(String[]::new);
        }
    }

    private static <K> Uni<Void> deleteKeyed(SqlClient client, String table, String keyColumn, String keyType,
                                             List<FactRow> previous, Function<FactRow, K[]> keys) {
        KeyedRows rows = KeyedRows.of(previous, keys);
        if (rows.keys().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<FactRow> owners = rows.owners();
        Object keyArray = rows.keyArray();
        return client.preparedQuery("delete from " + table + " t using unnest($1::" + keyType + "[], $2::date[], $3::uuid[]) "
                        + "as k(key, sort_date, fact_id) where t." + keyColumn + " = k.key and t.sort_date = k.sort_date "
                        + "and t.fact_id = k.fact_id")
                .execute(Tuple.of(keyArray, FactRow.column(owners, FactRow::sortDate, LocalDate[]::new),
                        FactRow.column(owners, FactRow::id, UUID[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> upsertFactViews(SqlClient client, List<FactRow> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("insert into fact_view (id, type, status, precision, sort_date, date_end, version, "
                        + "position, doc, search) "
                        + "select t.id, t.type, t.status, t.precision, t.sort_date, t.date_end, t.version, t.position, "
                        + "t.doc, to_tsvector('english', t.search) "
                        + "from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::int[], "
                        + "$8::bigint[], $9::text[], $10::text[]) "
                        + "as t(id, type, status, precision, sort_date, date_end, version, position, doc, search) "
                        + "on conflict (id) do update set type = excluded.type, status = excluded.status, "
                        + "precision = excluded.precision, sort_date = excluded.sort_date, date_end = excluded.date_end, "
                        + "version = excluded.version, position = excluded.position, doc = excluded.doc, search = excluded.search")
                .execute(Tuple.tuple(List.of(
                        FactRow.column(facts, FactRow::id, UUID[]::new),
                        FactRow.column(facts, f -> f.type(), String[]::new),
                        FactRow.column(facts, f -> f.status(), String[]::new),
                        FactRow.column(facts, f -> f.precision(), String[]::new),
                        FactRow.column(facts, f -> f.sortDate(), LocalDate[]::new),
                        FactRow.column(facts, f -> f.dateEnd(), LocalDate[]::new),
                        FactRow.column(facts, f -> f.version(), Integer[]::new),
                        FactRow.column(facts, f -> f.position(), Long[]::new),
                        FactRow.column(facts, f -> f.docJson(), String[]::new),
                        FactRow.column(facts, f -> f.searchText(), String[]::new))))
                .replaceWithVoid();
    }

    private static Uni<Void> insertFactActors(SqlClient client, List<FactRow> facts) {
        List<Object[]> rows = new ArrayList<>();
        for (FactRow fact : facts) {
            fact.actorRoles().forEach((actor, roles) -> rows.add(new Object[] {actor, fact, String.join(",", roles)}));
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("insert into fact_actor (actor_id, sort_date, fact_id, date_end, precision, type, "
                        + "status, roles) select t.actor_id, t.sort_date, t.fact_id, t.date_end, t.precision, t.type, "
                        + "t.status, string_to_array(t.roles, ',') from unnest($1::text[], $2::date[], $3::uuid[], "
                        + "$4::date[], $5::text[], $6::text[], $7::text[], $8::text[]) "
                        + "as t(actor_id, sort_date, fact_id, date_end, precision, type, status, roles)")
                .execute(Tuple.tuple(List.of(
                        rows.stream().map(r -> (String) r[0]).toArray(String[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).sortDate()).toArray(LocalDate[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).id()).toArray(UUID[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).dateEnd()).toArray(LocalDate[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).precision()).toArray(String[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).type()).toArray(String[]::new),
                        rows.stream().map(r -> ((FactRow) r[1]).status()).toArray(String[]::new),
                        rows.stream().map(r -> (String) r[2]).toArray(String[]::new))))
                .replaceWithVoid();
    }

    private static <K> Uni<Void> insertKeyed(SqlClient client, String table, String keyColumn, List<FactRow> facts,
                                             Function<FactRow, K[]> keys) {
        KeyedRows rows = KeyedRows.of(facts, keys);
        if (rows.keys().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<FactRow> owners = rows.owners();
        Object keyArray = rows.keyArray();
        String keyType = keyArray instanceof UUID[] ? "uuid" : "text";
        return client.preparedQuery("insert into " + table + " (" + keyColumn + ", sort_date, fact_id, date_end, precision, "
                        + "type, status) select * from unnest($1::" + keyType + "[], $2::date[], $3::uuid[], $4::date[], "
                        + "$5::text[], $6::text[], $7::text[])")
                .execute(Tuple.tuple(List.of(keyArray,
                        FactRow.column(owners, FactRow::sortDate, LocalDate[]::new),
                        FactRow.column(owners, FactRow::id, UUID[]::new),
                        FactRow.column(owners, FactRow::dateEnd, LocalDate[]::new),
                        FactRow.column(owners, FactRow::precision, String[]::new),
                        FactRow.column(owners, FactRow::type, String[]::new),
                        FactRow.column(owners, FactRow::status, String[]::new))))
                .replaceWithVoid();
    }

    /**
     * Counts everything again from the fact rows, in a few aggregate statements: what a rebuild does
     * instead of applying deltas batch by batch. Same rules as {@link CountDeltas}; the rebuild test
     * holds both to the same result.
     */
    static Uni<Void> recountAll(SqlClient client) {
        String active = "status = 'ACTIVE'";
        String years = "precision in ('DAY', 'MONTH', 'YEAR')";
        String months = "precision in ('DAY', 'MONTH')";
        return client.query("update actor_view v set fact_count = c.n from (select actor_id, count(*) as n from fact_actor "
                        + "where " + active + " group by actor_id) c where v.id = c.actor_id").execute()
                .chain(() -> client.query("update topic_view v set fact_count = c.n from (select topic_id, count(*) as n "
                        + "from fact_topic where " + active + " group by topic_id) c where v.id = c.topic_id").execute())
                .chain(() -> client.query("insert into actor_pair (actor_id, co_actor_id, fact_count) "
                        + "select a.actor_id, b.actor_id, count(*) from fact_actor a join fact_actor b "
                        + "on b.fact_id = a.fact_id and b.sort_date = a.sort_date and b.actor_id <> a.actor_id "
                        + "where a." + active + " group by 1, 2").execute())
                .chain(() -> client.query("insert into actor_topic (actor_id, topic_id, fact_count) "
                        + "select a.actor_id, t.topic_id, count(*) from fact_actor a join fact_topic t "
                        + "on t.fact_id = a.fact_id and t.sort_date = a.sort_date where a." + active + " group by 1, 2").execute())
                .chain(() -> client.query("insert into timeline_count (scope, period, type, fact_count) "
                        + "select scope, period, type, count(*) from ("
                        + timelineRows("'all'", "fact_view", years, months, active)
                        + " union all " + timelineRows("'actor:' || actor_id", "fact_actor", years, months, active)
                        + " union all " + timelineRows("'topic:' || topic_id", "fact_topic", years, months, active)
                        + ") r group by 1, 2, 3").execute())
                .replaceWithVoid();
    }

    private static String timelineRows(String scope, String table, String years, String months, String active) {
        return "select " + scope + " as scope, to_char(sort_date, 'YYYY') as period, type from " + table + " where "
                + active + " and " + years
                + " union all select " + scope + ", to_char(sort_date, 'YYYY-MM'), type from " + table + " where "
                + active + " and " + months;
    }

    static Uni<Void> applyCounts(SqlClient client, CountDeltas deltas) {
        return inOrder(List.of(
                addToColumn(client, "actor_view", deltas.actorFacts),
                addToColumn(client, "topic_view", deltas.topicFacts),
                upsertPairs(client, "actor_pair", "actor_id", "co_actor_id", deltas.actorPairs),
                upsertPairs(client, "actor_topic", "actor_id", "topic_id", deltas.actorTopics),
                upsertTimeline(client, deltas.timeline)));
    }

    private static Uni<Void> addToColumn(SqlClient client, String table, Map<String, Integer> deltas) {
        List<Map.Entry<String, Integer>> changed = nonZero(deltas);
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("update " + table + " v set fact_count = v.fact_count + t.delta "
                        + "from unnest($1::text[], $2::int[]) as t(id, delta) where v.id = t.id")
                .execute(Tuple.of(changed.stream().map(Map.Entry::getKey).toArray(String[]::new),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> upsertPairs(SqlClient client, String table, String first, String second,
                                         Map<CountDeltas.Pair, Integer> deltas) {
        List<Map.Entry<CountDeltas.Pair, Integer>> changed = nonZero(deltas);
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] a = changed.stream().map(e -> e.getKey().a()).toArray(String[]::new);
        return client.preparedQuery("insert into " + table + " (" + first + ", " + second + ", fact_count) "
                        + "select * from unnest($1::text[], $2::text[], $3::int[]) on conflict (" + first + ", " + second
                        + ") do update set fact_count = " + table + ".fact_count + excluded.fact_count")
                .execute(Tuple.of(a, changed.stream().map(e -> e.getKey().b()).toArray(String[]::new),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)))
                .chain(() -> client.preparedQuery("delete from " + table + " where " + first + " = any($1) and fact_count = 0")
                        .execute(Tuple.of((Object) a)))
                .replaceWithVoid();
    }

    private static Uni<Void> upsertTimeline(SqlClient client, Map<CountDeltas.TimelineKey, Integer> deltas) {
        List<Map.Entry<CountDeltas.TimelineKey, Integer>> changed = nonZero(deltas);
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] scopes = changed.stream().map(e -> e.getKey().scope()).toArray(String[]::new);
        return client.preparedQuery("insert into timeline_count (scope, period, type, fact_count) "
                        + "select * from unnest($1::text[], $2::text[], $3::text[], $4::int[]) "
                        + "on conflict (scope, period, type) do update set fact_count = timeline_count.fact_count + excluded.fact_count")
                .execute(Tuple.of(scopes,
                        changed.stream().map(e -> e.getKey().period()).toArray(String[]::new),
                        changed.stream().map(e -> e.getKey().type()).toArray(String[]::new),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)))
                .chain(() -> client.preparedQuery("delete from timeline_count where scope = any($1) and fact_count = 0")
                        .execute(Tuple.of((Object) scopes)))
                .replaceWithVoid();
    }

    private static <K> List<Map.Entry<K, Integer>> nonZero(Map<K, Integer> deltas) {
        return deltas.entrySet().stream().filter(e -> e.getValue() != 0).toList();
    }
}

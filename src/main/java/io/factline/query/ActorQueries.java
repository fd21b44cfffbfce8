package io.factline.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.MalformedRequestException;
import io.factline.domain.Texts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Actors: by id, searched by name or alias, and what they share with other actors and topics. */
@ApplicationScoped
public class ActorQueries {

    /** Another actor and how many active facts it shares with the first. */
    public record CoActor(String actorId, int count) {
    }

    /** A topic and how many active facts of the actor carry it. */
    public record ActorTopic(String topicId, int count) {
    }

    @Inject
    Pool pool;
    @Inject
    ReadMetrics metrics;

    public Uni<Optional<ActorView>> byId(String id) {
        metrics.count("actor_by_id");
        return ReadSessions.isolated(() -> ActorView.<ActorView>findById(id)).map(Optional::ofNullable);
    }

    public Uni<Map<String, ActorView>> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> list = List.copyOf(ids);
        metrics.count("actors_by_ids");
        return ReadSessions.isolated(() -> ActorView.<ActorView>list("id in ?1", list)).map(actors -> {
            Map<String, ActorView> byId = new HashMap<>();
            actors.forEach(a -> byId.put(a.id, a));
            return byId;
        });
    }

    /**
     * Actors discovered in earlier documents whose name or an alias is one of these phrases of a new text
     * (exactly, case and all), for the extractor to know them again; indexed, as the discovered grow with
     * the corpus. A person known by one name only ("Ambassador Porter") is left out: one name is many people.
     */
    public Uni<List<ActorView>> discoveredNamed(Collection<String> phrases) {
        if (phrases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        metrics.count("actors_discovered_named");
        return pool.preparedQuery("""
                        select id, name, kind, aliases, acts_for from actor_view
                        where discovered and not (kind = 'PERSON' and strpos(name, ' ') = 0)
                          and (name = any($1::text[]) or aliases && $1::text[])
                        order by id""")
                .execute(Tuple.of(phrases.toArray(String[]::new))).map(rows -> {
                    List<ActorView> actors = new ArrayList<>();
                    for (Row r : rows) {
                        ActorView a = new ActorView();
                        a.id = r.getString("id");
                        a.name = r.getString("name");
                        a.kind = r.getString("kind");
                        a.aliases = r.getArrayOfStrings("aliases");
                        a.actsFor = r.getString("acts_for");
                        a.discovered = true;
                        actors.add(a);
                    }
                    return actors;
                });
    }

    /**
     * Actors whose name or an alias contains the search (any case), ordered by name then id. The
     * cursor is the last actor's id.
     */
    public Uni<Page<ActorView>> search(String search, int first, String after) {
        Texts.optional("search", search, FactFilter.MAX_TEXT);
        Texts.optional("cursor", after, FactFilter.MAX_ID);
        String pattern = search == null || search.isBlank() ? "%" : "%" + escapeLike(search.strip()) + "%";
        Uni<Optional<ActorView>> afterActor = after == null || after.isBlank() ? Uni.createFrom().item(Optional.empty())
                : byId(after).invoke(found -> {
                    if (found.isEmpty()) {
                        throw new MalformedRequestException("not a cursor this service gave out: '" + after + "'");
                    }
                });
        metrics.count("actor_search");
        return afterActor.chain(cursor -> ReadSessions.isolated(() -> {
            String matches = "(lower(name) like lower(?1) escape '\\' "
                    + "or lower(array_to_string(aliases, '|')) like lower(?1) escape '\\')";
            if (cursor.isEmpty()) {
                return ActorView.<ActorView>find("from ActorView where " + matches + " order by lower(name), id", pattern)
                        .page(0, first + 1).list();
            }
            ActorView last = cursor.get();
            return ActorView.<ActorView>find("from ActorView where " + matches
                            + " and (lower(name) > lower(?2) or (lower(name) = lower(?2) and id > ?3)) order by lower(name), id",
                    pattern, last.name, last.id)
                    .page(0, first + 1).list();
        })).map(actors -> {
            boolean more = actors.size() > first;
            List<ActorView> items = more ? actors.subList(0, first) : actors;
            return new Page<>(List.copyOf(items), items.isEmpty() ? null : items.get(items.size() - 1).id, more);
        });
    }

    /** For each actor, the actors it shares most facts with. */
    public Uni<Map<String, List<CoActor>>> coActors(List<String> actorIds, int first) {
        return ranked("actor_pair", "co_actor_id", actorIds, first)
                .map(rows -> group(actorIds, rows, r -> new CoActor(r.getString(1), r.getInteger(2))));
    }

    /** For each actor, its topics by number of facts. */
    public Uni<Map<String, List<ActorTopic>>> topics(List<String> actorIds, int first) {
        return ranked("actor_topic", "topic_id", actorIds, first)
                .map(rows -> group(actorIds, rows, r -> new ActorTopic(r.getString(1), r.getInteger(2))));
    }

    private Uni<List<Row>> ranked(String table, String other, List<String> actorIds, int first) {
        if (actorIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        metrics.count(table);
        return pool.preparedQuery("select a.id, t." + other + ", t.fact_count from unnest($1::text[]) as a(id) "
                        + "cross join lateral (select " + other + ", fact_count from " + table + " where actor_id = a.id "
                        + "order by fact_count desc, " + other + " limit $2) t")
                .execute(Tuple.of(actorIds.toArray(String[]::new), first))
                .map(Rows::list);
    }

    private static <T> Map<String, List<T>> group(List<String> ids, List<Row> rows, java.util.function.Function<Row, T> item) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        ids.forEach(id -> grouped.put(id, new ArrayList<>()));
        rows.forEach(r -> grouped.get(r.getString(0)).add(item.apply(r)));
        return grouped;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

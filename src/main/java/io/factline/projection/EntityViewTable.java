package io.factline.projection;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The view of a registered entity (actor_view, topic_view): one row per entity, its fact_count the
 * active facts that name it, as its listing table (fact_actor, fact_topic) has them.
 */
abstract class EntityViewTable implements ReadModel {

    private final String view;
    private final Function<CountDeltas, Map<String, Integer>> deltasOf;
    private final String addSql;
    private final String recountSql;

    /** @param deltasOf the batch's changes to the entities' counts */
    EntityViewTable(String view, String listing, String keyColumn,
                    Function<CountDeltas, Map<String, Integer>> deltasOf) {
        this.view = view;
        this.deltasOf = deltasOf;
        addSql = """
                update %s v set fact_count = v.fact_count + t.delta
                from unnest($1::text[], $2::int[]) as t(id, delta)
                where v.id = t.id""".formatted(view);
        recountSql = """
                update %1$s v set fact_count = c.n
                from (select %3$s, count(*) as n from %2$s where status = 'ACTIVE' group by %3$s) c
                where v.id = c.%3$s""".formatted(view, listing, keyColumn);
    }

    @Override
    public final String table() {
        return view;
    }

    @Override
    public final void applyCounts(CountDeltas deltas, Pipeline out) {
        List<Map.Entry<String, Integer>> changed = CountDeltas.nonZero(deltasOf.apply(deltas));
        if (!changed.isEmpty()) {
            out.execute(addSql, Tuple.of(changed.stream().map(Map.Entry::getKey).toArray(String[]::new),
                    changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)));
        }
    }

    @Override
    public final void recount(Pipeline out) {
        out.execute(recountSql);
    }
}

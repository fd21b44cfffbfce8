package io.factline.projection;

import java.util.List;

import io.factline.projection.CountDeltas.Pair;

/** actor_pair: for each actor, its co-actors and in how many active facts they appear together. */
final class ActorPairTable extends CountTable<Pair> {

    private static final String RECOUNT = """
            insert into actor_pair (actor_id, co_actor_id, fact_count)
            select a.actor_id, b.actor_id, count(*)
            from fact_actor a join fact_actor b
                 on b.fact_id = a.fact_id and b.sort_date = a.sort_date and b.actor_id <> a.actor_id
            where a.status = 'ACTIVE'
            group by 1, 2""";

    ActorPairTable() {
        super("actor_pair", List.of("actor_id", "co_actor_id"), List.of(Pair::a, Pair::b), deltas -> deltas.actorPairs,
                RECOUNT);
    }
}

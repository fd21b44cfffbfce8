package io.factline.projection;

import java.util.List;

import io.factline.projection.CountDeltas.Pair;

/** actor_topic: for each actor, its topics and in how many of its active facts each comes up. */
final class ActorTopicTable extends CountTable<Pair> {

    private static final String RECOUNT = """
            insert into actor_topic (actor_id, topic_id, fact_count)
            select a.actor_id, t.topic_id, count(*)
            from fact_actor a join fact_topic t on t.fact_id = a.fact_id and t.sort_date = a.sort_date
            where a.status = 'ACTIVE'
            group by 1, 2""";

    ActorTopicTable() {
        super("actor_topic", List.of("actor_id", "topic_id"), List.of(Pair::a, Pair::b), deltas -> deltas.actorTopics,
                RECOUNT);
    }
}

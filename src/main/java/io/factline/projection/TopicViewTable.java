package io.factline.projection;

import io.factline.domain.DomainEvent.TopicDefined;
import io.vertx.mutiny.sqlclient.Tuple;

/** topic_view: one row per defined topic, with how many active facts are about it. */
final class TopicViewTable extends EntityViewTable {

    private static final String INSERT = """
            insert into topic_view (id, name, description) values ($1, $2, $3)
            on conflict (id) do nothing""";

    TopicViewTable() {
        super("topic_view", "fact_topic", "topic_id", deltas -> deltas.topicFacts);
    }

    @Override
    public void apply(DecodedEvent event, Pipeline out) {
        if (event.event() instanceof TopicDefined t) {
            out.execute(INSERT, Tuple.of(t.topicId(), t.name(), t.description()));
        }
    }
}

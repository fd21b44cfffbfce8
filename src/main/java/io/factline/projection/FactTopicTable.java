package io.factline.projection;

/** fact_topic: the facts about a topic, by date. */
final class FactTopicTable extends FactKeyedTable<String> {

    FactTopicTable() {
        super("fact_topic", "topic_id", "text", FactRow::topics, String[]::new);
    }
}

package io.factline.projection;

import java.util.List;
import java.util.function.BiConsumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Every read model, in the order a batch writes them: the one list of the views. The rebuild resets
 * and analyses what it lists, and the rebuild test compares what it lists.
 */
public final class ReadModels {

    static final List<ReadModel> ALL = List.of(
            new DocumentViewTable(), new ActorViewTable(), new TopicViewTable(),
            new FactViewTable(), new FactActorTable(), new FactTopicTable(), new FactSourceTable(),
            new ActorPairTable(), new ActorTopicTable(), new TimelineCountTable());

    private ReadModels() {
    }

    /** The tables the read models own, in the order above. */
    public static List<String> tables() {
        return ALL.stream().map(ReadModel::table).toList();
    }

    /** Every read model adds its statements for one phase; then they are sent together. */
    static Uni<Void> inOnePipeline(SqlClient client, BiConsumer<ReadModel, Pipeline> phase) {
        Pipeline pipeline = new Pipeline(client);
        ALL.forEach(model -> phase.accept(model, pipeline));
        return pipeline.send();
    }

    static Uni<Void> resetAll(SqlClient client) {
        return inOnePipeline(client, ReadModel::reset);
    }

    /**
     * One read model after the other, each waiting for the answer before: a handful of aggregates
     * over whole tables, where the round trips a pipeline saves are nothing.
     */
    static Uni<Void> recountAll(SqlClient client) {
        Uni<Void> recounted = Uni.createFrom().voidItem();
        for (ReadModel model : ALL) {
            recounted = recounted.chain(() -> {
                Pipeline pipeline = new Pipeline(client);
                model.recount(pipeline);
                return pipeline.send();
            });
        }
        return recounted;
    }

    /**
     * Fresh statistics for the planner: views refilled in bulk would otherwise be planned on the
     * statistics of what was there before (or none), e.g. sorting a whole actor instead of reading its
     * index in order.
     */
    static Uni<Void> analyzeAll(SqlClient client) {
        return client.query("analyze " + String.join(", ", tables())).execute().replaceWithVoid();
    }
}

package io.factline.api.graphql;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.factline.api.graphql.Inputs.FactFilterInput;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.api.graphql.Types.Topic;
import io.factline.query.TopicQueries;
import io.factline.query.TopicView;
import io.smallrye.mutiny.Uni;

/** Topic fields that need a read of their own, each answered in one query for all topics of the response. */
@GraphQLApi
public class TopicResolvers {

    @Inject
    TopicQueries topics;
    @Inject
    FactConnections factConnections;

    public Uni<List<String>> description(@Source List<Topic> list) {
        return details(list, t -> t.description);
    }

    @Description("How many active facts carry the topic.")
    public Uni<List<Integer>> factCount(@Source List<Topic> list) {
        return details(list, t -> t.factCount);
    }

    @Description("The topic's facts, by date, filtered like Query.facts.")
    public Uni<List<@NonNull FactConnection>> facts(@Source List<Topic> list, FactFilterInput filter, Integer first,
                                                    String after) {
        return factConnections.ofTopics(list.stream().map(Topic::id).toList(), filter, first, after);
    }

    private <T> Uni<List<T>> details(List<Topic> list, Function<TopicView, T> field) {
        return Batches.field(list, Topic::id, Topic::details, topics::byIds, field);
    }
}

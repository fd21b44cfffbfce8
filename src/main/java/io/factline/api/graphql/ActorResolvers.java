package io.factline.api.graphql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.factline.api.graphql.Inputs.FactFilterInput;
import io.factline.api.graphql.Types.Actor;
import io.factline.api.graphql.Types.ActorMention;
import io.factline.api.graphql.Types.CoActor;
import io.factline.api.graphql.Types.Document;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.api.graphql.Types.Topic;
import io.factline.api.graphql.Types.TopicCount;
import io.factline.projection.FactDoc;
import io.factline.query.ActorQueries;
import io.factline.query.ActorView;
import io.factline.query.DocumentQueries;
import io.factline.query.PageSize;
import io.factline.query.TopicQueries;
import io.smallrye.mutiny.Uni;

/** Actor fields that need a read of their own, each answered in one query for all actors of the response. */
@GraphQLApi
public class ActorResolvers {

    static final int DEFAULT_RELATED = 10;

    @Inject
    ActorQueries actors;
    @Inject
    TopicQueries topics;
    @Inject
    ResponseBudget budget;
    @Inject
    DocumentQueries documents;
    @Inject
    FactConnections factConnections;

    @Description("Other names the actor goes by: abbreviations, metonyms (Seoul for South Korea), short forms.")
    public Uni<List<@NonNull List<@NonNull String>>> aliases(@Source List<Actor> list) {
        return details(list, a -> a.aliases == null ? List.of() : List.of(a.aliases));
    }

    @Description("The actor's Wikidata item (e.g. Q884 for South Korea), where known.")
    public Uni<List<String>> wikidataId(@Source List<Actor> list) {
        return details(list, a -> a.wikidataId);
    }

    public Uni<List<String>> description(@Source List<Actor> list) {
        return details(list, a -> a.description);
    }

    @Description("Found by the extractor in a document rather than listed in factline's reference data.")
    public Uni<List<Boolean>> discovered(@Source List<Actor> list) {
        return details(list, a -> a.discovered);
    }

    @Description("The state the actor acts for, where the text that introduced it says so (discovered actors).")
    public Uni<List<Actor>> actsFor(@Source List<Actor> list) {
        return details(list, a -> a.actsFor)
                .chain(ids -> Batches.referenced(ids, id -> id, actors::byIds, (id, state) -> Actor.of(state)));
    }

    @Description("Where a discovered actor was first found: the document and the offsets of its words there.")
    public Uni<List<ActorMention>> mention(@Source List<Actor> list) {
        return details(list, a -> a).chain(views -> Batches.referenced(views, v -> v == null ? null : v.mentionDocument,
                documents::byIds,
                (v, document) -> new ActorMention(Document.of(document), v.mentionText, v.mentionStart, v.mentionEnd)));
    }

    @Description("How many active facts involve the actor.")
    public Uni<List<Integer>> factCount(@Source List<Actor> list) {
        return details(list, a -> a.factCount);
    }

    @Description("The actor's facts, by date, filtered like Query.facts.")
    public Uni<List<@NonNull FactConnection>> facts(@Source List<Actor> list, FactFilterInput filter, Integer first,
                                                    String after) {
        return factConnections.ofActors(ids(list), filter, first, after);
    }

    @Description("The actors that share most active facts with this one.")
    public Uni<List<@NonNull List<@NonNull CoActor>>> coActors(@Source List<Actor> list, Integer first) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> {
            List<String> ids = ids(list);
            return actors.coActors(ids, PageSize.of(first == null ? DEFAULT_RELATED : first))
                    .invoke(byActor -> account.spend(ids.stream().mapToInt(id -> byActor.get(id).size()).sum()))
                    .chain(byActor -> {
                Set<String> others = new LinkedHashSet<>();
                byActor.values().forEach(l -> l.forEach(c -> others.add(c.actorId())));
                return actors.byIds(others).map(views -> ids.stream().map(id -> byActor.get(id).stream()
                        .map(c -> new CoActor(views.containsKey(c.actorId()) ? Actor.of(views.get(c.actorId()))
                                : Actor.of(new FactDoc.ActorRef(c.actorId(), c.actorId(), null)), c.count()))
                        .toList()).toList());
            });
        });
    }

    @Description("The actor's topics, by number of active facts.")
    public Uni<List<@NonNull List<@NonNull TopicCount>>> topics(@Source List<Actor> list, Integer first) {
        ResponseBudget.Account account = budget.account();
        return Errors.guarded(() -> {
            List<String> ids = ids(list);
            return actors.topics(ids, PageSize.of(first == null ? DEFAULT_RELATED : first))
                    .invoke(byActor -> account.spend(ids.stream().mapToInt(id -> byActor.get(id).size()).sum()))
                    .chain(byActor -> {
                Set<String> topicIds = new LinkedHashSet<>();
                byActor.values().forEach(l -> l.forEach(t -> topicIds.add(t.topicId())));
                return topics.byIds(topicIds).map(views -> ids.stream().map(id -> byActor.get(id).stream()
                        .map(t -> new TopicCount(views.containsKey(t.topicId()) ? Topic.of(views.get(t.topicId()))
                                : new Topic(t.topicId(), t.topicId(), null), t.count()))
                        .toList()).toList());
            });
        });
    }

    private <T> Uni<List<T>> details(List<Actor> list, Function<ActorView, T> field) {
        return Batches.field(list, Actor::id, Actor::details, actors::byIds, field);
    }

    private static List<String> ids(List<Actor> list) {
        return list.stream().map(Actor::id).toList();
    }
}

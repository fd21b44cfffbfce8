package io.factline.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Topics: all of them (there are tens, not thousands), or by id. */
@ApplicationScoped
public class TopicQueries {

    @jakarta.inject.Inject
    ReadMetrics metrics;

    public Uni<List<TopicView>> all() {
        metrics.count("topics");
        return ReadSessions.isolated(() -> TopicView.<TopicView>listAll(Sort.by("id")));
    }

    public Uni<Optional<TopicView>> byId(String id) {
        metrics.count("topic_by_id");
        return ReadSessions.isolated(() -> TopicView.<TopicView>findById(id)).map(Optional::ofNullable);
    }

    public Uni<Map<String, TopicView>> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> list = List.copyOf(ids);
        metrics.count("topics_by_ids");
        return ReadSessions.isolated(() -> TopicView.<TopicView>list("id in ?1", list)).map(topics -> {
            Map<String, TopicView> byId = new HashMap<>();
            topics.forEach(t -> byId.put(t.id, t));
            return byId;
        });
    }
}

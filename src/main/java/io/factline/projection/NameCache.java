package io.factline.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.factline.domain.ActorKind;
import io.factline.domain.DomainEvent;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.TopicDefined;
import io.factline.projection.FactDoc.ActorRef;
import io.factline.projection.FactDoc.DocumentRef;
import io.factline.projection.FactDoc.TopicRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Names of actors and topics and titles of documents, as the fact documents embed them. They never
 * change once registered, so what is cached stays true; what is missing is read from the views.
 */
final class NameCache implements FactDoc.Names {

    private final Map<String, ActorRef> actors = new ConcurrentHashMap<>();
    private final Map<String, TopicRef> topics = new ConcurrentHashMap<>();
    private final Map<UUID, DocumentRef> documents = new ConcurrentHashMap<>();

    private void putActor(String id, String name, ActorKind kind) {
        actors.put(id, new ActorRef(id, name, kind));
    }

    private void putTopic(String id, String name) {
        topics.put(id, new TopicRef(id, name));
    }

    private void putDocument(UUID id, String title) {
        documents.put(id, new DocumentRef(id, title));
    }

    /** Keeps the names the batch's events register, before the facts that name them are projected. */
    void learn(DomainEvent event) {
        if (event instanceof DocumentIngested document) {
            putDocument(document.documentId(), document.title());
        } else if (event instanceof ActorRegistered actor) {
            putActor(actor.actorId(), actor.name(), actor.kind());
        } else if (event instanceof TopicDefined topic) {
            putTopic(topic.topicId(), topic.name());
        }
    }

    /** Reads from the views whatever of these is not cached yet. */
    Uni<Void> load(SqlClient client, Set<String> actorIds, Set<String> topicIds, Set<UUID> documentIds) {
        List<String> missingActors = missing(actorIds, actors.keySet());
        List<String> missingTopics = missing(topicIds, topics.keySet());
        List<UUID> missingDocuments = missing(documentIds, documents.keySet());
        Uni<Void> loadActors = missingActors.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery("select id, name, kind from actor_view where id = any($1)")
                .execute(Tuple.of(missingActors.toArray(String[]::new)))
                .invoke(rows -> rows.forEach(r -> putActor(r.getString(0), r.getString(1), ActorKind.valueOf(r.getString(2)))))
                .replaceWithVoid();
        Uni<Void> loadTopics = missingTopics.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery("select id, name from topic_view where id = any($1)")
                .execute(Tuple.of(missingTopics.toArray(String[]::new)))
                .invoke(rows -> rows.forEach(r -> putTopic(r.getString(0), r.getString(1))))
                .replaceWithVoid();
        Uni<Void> loadDocuments = missingDocuments.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery("select id, title from document_view where id = any($1)")
                .execute(Tuple.of(missingDocuments.toArray(UUID[]::new)))
                .invoke(rows -> rows.forEach((Row r) -> putDocument(r.getUUID(0), r.getString(1))))
                .replaceWithVoid();
        return loadActors.chain(() -> loadTopics).chain(() -> loadDocuments);
    }

    @Override
    public ActorRef actor(String id) {
        // an id the log never registered still shows, under its id, rather than vanish
        return actors.getOrDefault(id, new ActorRef(id, id, null));
    }

    @Override
    public TopicRef topic(String id) {
        return topics.getOrDefault(id, new TopicRef(id, id));
    }

    @Override
    public DocumentRef document(UUID id) {
        return documents.getOrDefault(id, new DocumentRef(id, null));
    }

    private static <T> List<T> missing(Collection<T> wanted, Set<T> known) {
        List<T> missing = new ArrayList<>();
        for (T id : wanted) {
            if (!known.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }
}

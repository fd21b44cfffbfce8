package io.factline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.domain.ActorKind;
import io.factline.domain.DomainEvent;
import io.factline.domain.DomainEvent.ActorAliasAdded;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.TopicDefined;
import io.factline.domain.EventMetadata;
import io.factline.domain.Streams;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.WrongExpectedVersionException;
import io.factline.log.EventLog;
import io.smallrye.mutiny.Uni;

/**
 * Brings the log up to date with the actor and topic dictionaries shipped as data
 * ({@code reference/actors.json}, {@code reference/topics.json}): registers what is new and adds
 * new aliases. What is already in the log is left as it is, so restarts append nothing.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    public record ActorEntry(String id, String name, ActorKind kind, List<String> aliases, String wikidataId,
                             String description) {
    }

    public record TopicEntry(String id, String name, String description) {
    }

    @Inject
    EventLog log;

    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Appends what the dictionaries add to the log; returns the number of events appended. */
    public Uni<Integer> sync(EventMetadata metadata) {
        List<ActorEntry> actors = read("reference/actors.json", ActorEntry[].class);
        List<TopicEntry> topics = read("reference/topics.json", TopicEntry[].class);
        List<String> streams = new ArrayList<>();
        actors.forEach(a -> streams.add(Streams.actor(a.id())));
        topics.forEach(t -> streams.add(Streams.topic(t.id())));
        return log.versions(streams).chain(versions -> {
            List<Uni<Integer>> appends = new ArrayList<>();
            for (ActorEntry actor : actors) {
                Integer version = versions.get(Streams.actor(actor.id()));
                appends.add(version == null ? register(actor, metadata) : addAliases(actor, version, metadata));
            }
            for (TopicEntry topic : topics) {
                if (!versions.containsKey(Streams.topic(topic.id()))) {
                    appends.add(appendIfStill(ExpectedVersion.NO_STREAM, metadata,
                            List.of(new TopicDefined(topic.id(), topic.name(), topic.description()))));
                }
            }
            return appends.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(appends).andFailFast().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
        }).invoke(appended -> LOG.infof("reference data: %d actors, %d topics; %d new events",
                actors.size(), topics.size(), appended));
    }

    private Uni<Integer> register(ActorEntry actor, EventMetadata metadata) {
        return appendIfStill(ExpectedVersion.NO_STREAM, metadata, List.of(new ActorRegistered(actor.id(), actor.name(),
                actor.kind(), aliasesOf(actor), actor.wikidataId(), actor.description())));
    }

    private Uni<Integer> addAliases(ActorEntry actor, int version, EventMetadata metadata) {
        return log.events(Streams.actor(actor.id())).chain(events -> {
            Set<String> known = new LinkedHashSet<>();
            for (DomainEvent event : events) {
                if (event instanceof ActorRegistered registered) {
                    known.addAll(registered.aliases());
                } else if (event instanceof ActorAliasAdded added) {
                    known.add(added.alias());
                }
            }
            List<DomainEvent> added = aliasesOf(actor).stream().filter(alias -> !known.contains(alias))
                    .map(alias -> (DomainEvent) new ActorAliasAdded(actor.id(), alias)).toList();
            return added.isEmpty() ? Uni.createFrom().item(0)
                    : appendIfStill(ExpectedVersion.exactly(version), metadata, added);
        });
    }

    /** Another instance may be syncing the same data at the same moment; its append is as good as ours. */
    private Uni<Integer> appendIfStill(ExpectedVersion expected, EventMetadata metadata, List<DomainEvent> events) {
        return log.append(metadata, new EventLog.Change(expected, events))
                .map(result -> events.size())
                .onFailure(WrongExpectedVersionException.class).recoverWithItem(0);
    }

    private static List<String> aliasesOf(ActorEntry actor) {
        return actor.aliases() == null ? List.of() : actor.aliases();
    }

    private <T> List<T> read(String resource, Class<T[]> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return List.of(json.readValue(in, type));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + resource + ": " + e.getMessage(), e);
        }
    }
}

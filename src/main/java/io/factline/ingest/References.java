package io.factline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.factline.domain.ActorKind;
import io.factline.domain.ActorMention;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.FactActor;
import io.factline.domain.Streams;
import io.factline.eventstore.ExpectedVersion;
import io.factline.extract.DiscoveredActor;
import io.factline.extract.FactDraft;
import io.factline.extract.KnownActor;
import io.factline.extract.NameCandidates;
import io.factline.log.EventLog;
import io.factline.query.ActorQueries;
import io.smallrye.mutiny.Uni;

/**
 * The actors and topics a document's drafts name, checked against the log: actors the extractor
 * discovered and the log does not know yet are registered (an {@code ActorRegistered} marked as
 * discovered, with the mention it came from) in the same append as the facts; anything else the log
 * does not know is dropped from the draft, never invented.
 */
@ApplicationScoped
public class References {

    private static final Logger LOG = Logger.getLogger(References.class);

    /** The drafts naming only what the log knows or this append registers, and those registrations. */
    public record Prepared(List<FactDraft> drafts, List<EventLog.Change> registrations) {
    }

    @Inject
    EventLog log;
    @Inject
    ActorQueries actors;

    /**
     * The actors earlier documents discovered that this text names, for the extractor to know again.
     * They are read from the views, which show every document whose ingestion has answered.
     */
    public Uni<List<KnownActor>> knownIn(String text) {
        return actors.discoveredNamed(NameCandidates.in(text)).map(found -> found.stream()
                .map(a -> new KnownActor(a.id, a.name, ActorKind.valueOf(a.kind), a.actsFor,
                        a.aliases == null ? List.of() : List.of(a.aliases)))
                .toList());
    }

    public Uni<Prepared> prepare(List<FactDraft> drafts, UUID documentId, String text) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(new Prepared(drafts, List.of()));
        }
        Set<String> streams = new LinkedHashSet<>();
        Map<String, DiscoveredActor> discovered = new LinkedHashMap<>();
        for (FactDraft draft : drafts) {
            draft.actors().forEach(a -> streams.add(Streams.actor(a.actorId())));
            draft.topics().forEach(t -> streams.add(Streams.topic(t)));
            draft.discovered().forEach(d -> discovered.putIfAbsent(d.id(), d));
        }
        discovered.values().forEach(d -> {
            if (d.state() != null) {
                streams.add(Streams.actor(d.state())); // the state it acts for, known to the log or not
            }
        });
        return log.versions(streams).map(known -> {
            Set<String> usable = new LinkedHashSet<>(known.keySet());
            List<EventLog.Change> registrations = new ArrayList<>();
            for (DiscoveredActor d : discovered.values()) {
                String stream = Streams.actor(d.id());
                if (usable.contains(stream) || d.mentionEnd() > text.length()) {
                    continue;
                }
                ActorMention mention = new ActorMention(documentId, text.substring(d.mentionStart(), d.mentionEnd()),
                        d.mentionStart(), d.mentionEnd());
                String actsFor = d.state() != null && known.containsKey(Streams.actor(d.state())) ? d.state() : null;
                registrations.add(EventLog.Change.of(ExpectedVersion.NO_STREAM, new ActorRegistered(d.id(), d.name(), d.kind(),
                        d.alias() == null ? List.of() : List.of(d.alias()), null, null, true, actsFor, mention)));
                usable.add(stream);
            }
            List<FactDraft> kept = drafts.stream().map(d -> keepKnown(d, usable)).toList();
            return new Prepared(kept, registrations);
        });
    }

    private static FactDraft keepKnown(FactDraft draft, Set<String> known) {
        List<FactActor> actors = draft.actors().stream().filter(a -> known.contains(Streams.actor(a.actorId()))).toList();
        List<String> topics = draft.topics().stream().filter(t -> known.contains(Streams.topic(t))).toList();
        if (actors.size() < draft.actors().size() || topics.size() < draft.topics().size()) {
            LOG.warnf("extractor named unregistered actors or topics; dropped them from a draft at %d..%d",
                    draft.start(), draft.end());
        }
        return draft.withReferences(actors, topics);
    }
}

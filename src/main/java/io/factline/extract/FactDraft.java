package io.factline.extract;

import java.util.List;

import io.factline.domain.FactActor;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;

/**
 * A fact the extractor found, sourced by the character offsets [start, end) of its passage. The
 * CAMEO code and PLOVER type (with its mode, "CONSULT:phone") code the event for other systems;
 * {@code target} is a date the fact points to but did not happen on ("reduce troops by 2008");
 * {@code discovered} describes the actors of the fact that no gazetteer lists (to be registered).
 */
public record FactDraft(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                        int start, int end, double confidence, String cameo, String plover, FactDate target,
                        List<DiscoveredActor> discovered) {
    public FactDraft {
        actors = List.copyOf(actors);
        topics = List.copyOf(topics);
        discovered = discovered == null ? List.of() : List.copyOf(discovered);
    }

    public FactDraft(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                     int start, int end, double confidence) {
        this(type, date, actors, topics, summary, start, end, confidence, null, null, null, List.of());
    }

    public FactDraft withReferences(List<FactActor> knownActors, List<String> knownTopics) {
        return new FactDraft(type, date, knownActors, knownTopics, summary, start, end, confidence, cameo, plover, target,
                discovered);
    }
}

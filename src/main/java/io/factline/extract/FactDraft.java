package io.factline.extract;

import java.util.List;

import io.factline.domain.FactActor;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;

/** A fact the extractor found, sourced by the character offsets [start, end) of its passage. */
public record FactDraft(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                        int start, int end, double confidence) {
    public FactDraft {
        actors = List.copyOf(actors);
        topics = List.copyOf(topics);
    }
}

package io.factline.domain;

import java.util.List;

/** A correction: each field that is not null replaces the fact's value. */
public record FactChanges(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                          List<SourceRef> sources) {
    public FactChanges {
        actors = actors == null ? null : List.copyOf(actors);
        topics = topics == null ? null : List.copyOf(topics);
        sources = sources == null ? null : List.copyOf(sources);
    }

    public boolean isEmpty() {
        return type == null && date == null && actors == null && topics == null && summary == null && sources == null;
    }
}

package io.factline.domain;

import java.util.List;
import java.util.Objects;

/** What a fact says: its type, date, actors with roles, topics, a summary and the passages stating it. */
public record FactContent(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                          List<SourceRef> sources, Extraction extraction) {
    public FactContent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        actors = List.copyOf(actors);
        topics = topics == null ? List.of() : List.copyOf(topics); // a fact may have no topic; the field may be left out
        sources = List.copyOf(sources);
        summary = summary == null ? "" : summary;
    }

    public FactContent(FactType type, FactDate date, List<FactActor> actors, List<String> topics, String summary,
                       List<SourceRef> sources) {
        this(type, date, actors, topics, summary, sources, null);
    }

    public FactContent with(FactChanges changes) {
        return new FactContent(
                changes.type() != null ? changes.type() : type,
                changes.date() != null ? changes.date() : date,
                changes.actors() != null ? changes.actors() : actors,
                changes.topics() != null ? changes.topics() : topics,
                changes.summary() != null ? changes.summary() : summary,
                changes.sources() != null ? changes.sources() : sources,
                extraction);
    }

    public FactContent withSource(SourceRef source) {
        List<SourceRef> more = new java.util.ArrayList<>(sources);
        more.add(source);
        return new FactContent(type, date, actors, topics, summary, more, extraction);
    }
}

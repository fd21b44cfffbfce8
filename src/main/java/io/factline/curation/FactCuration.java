package io.factline.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.ConflictException;
import io.factline.domain.DomainEvent;
import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactCorrected;
import io.factline.domain.DomainEvent.FactRetracted;
import io.factline.domain.EventMetadata;
import io.factline.domain.FactActor;
import io.factline.domain.FactChanges;
import io.factline.domain.FactContent;
import io.factline.domain.FactDate;
import io.factline.domain.FactState;
import io.factline.domain.FactStatus;
import io.factline.domain.InvalidFactException;
import io.factline.domain.NotFoundException;
import io.factline.domain.SourceRef;
import io.factline.domain.StaleVersionException;
import io.factline.domain.Streams;
import io.factline.domain.Texts;
import io.factline.eventstore.AppendResult;
import io.factline.eventstore.ExpectedVersion;
import io.factline.eventstore.WrongExpectedVersionException;
import io.factline.log.EventLog;
import io.smallrye.mutiny.Uni;

/**
 * Curators' commands on facts: assert, correct, retract. Each checks the request against the log,
 * then appends one event with the fact's expected version; nothing is ever changed in place.
 */
@ApplicationScoped
public class FactCuration {

    static final int MAX_SUMMARY = 2000;
    static final int MAX_REASON = 2000;
    static final int MAX_ITEMS = 50;
    static final int MAX_SOURCES = 20;
    static final int MAX_ID = 200;

    @Inject
    EventLog log;

    public Uni<FactCommandResult> assertFact(FactAssertion input, EventMetadata metadata) {
        if (input == null) {
            return invalid("a fact is required");
        }
        if (input.id() != null && input.id().version() != 4) {
            return invalid("id: a fact id chosen by a client is a random (version 4) UUID");
        }
        UUID id = input.id() != null ? input.id() : UUID.randomUUID();
        return content(input.type(), input.date(), input.actors(), input.topics(), input.summary(), input.sources(), true)
                .chain(content -> {
                    FactAsserted event = new FactAsserted(id, content, Texts.optional("note", input.note(), MAX_REASON));
                    return log.append(metadata, EventLog.Change.of(ExpectedVersion.NO_STREAM, event))
                            .onFailure(WrongExpectedVersionException.class)
                            .transform(e -> new ConflictException("a fact with id " + id + " already exists"));
                })
                .map(result -> result(id, result));
    }

    public Uni<FactCommandResult> correctFact(UUID id, int expectedVersion, FactCorrection correction,
                                              EventMetadata metadata) {
        if (correction == null) {
            return invalid("a correction is required");
        }
        return current(id, expectedVersion).chain(state -> {
            if (state.status() == FactStatus.RETRACTED) {
                return Uni.createFrom().failure(new ConflictException("fact " + id + " is retracted; assert a new fact instead"));
            }
            return changes(correction).chain(changes -> {
                if (changes.isEmpty()) {
                    return invalid("a correction changes at least one of type, date, actors, topics, summary, sources");
                }
                FactCorrected event = new FactCorrected(id, changes, Texts.optional("reason", correction.reason(), MAX_REASON));
                return appendChange(id, expectedVersion, event, metadata);
            });
        });
    }

    public Uni<FactCommandResult> retractFact(UUID id, int expectedVersion, String reason, EventMetadata metadata) {
        String why;
        try {
            why = Texts.optional("reason", reason, MAX_REASON);
        } catch (InvalidFactException e) {
            return Uni.createFrom().failure(e);
        }
        if (why == null) {
            return invalid("a retraction needs a reason");
        }
        return current(id, expectedVersion).chain(state -> state.status() == FactStatus.RETRACTED
                ? Uni.createFrom().failure(new ConflictException("fact " + id + " is already retracted"))
                : appendChange(id, expectedVersion, new FactRetracted(id, why), metadata));
    }

    private Uni<FactState> current(UUID id, int expectedVersion) {
        return log.fact(id).map(found -> {
            FactState state = found.orElseThrow(() -> new NotFoundException("fact", id));
            if (state.version() != expectedVersion) {
                throw new StaleVersionException("fact " + id, expectedVersion, state.version());
            }
            return state;
        });
    }

    private Uni<FactCommandResult> appendChange(UUID id, int expectedVersion, DomainEvent event, EventMetadata metadata) {
        return log.append(metadata, EventLog.Change.of(ExpectedVersion.exactly(expectedVersion), event))
                .onFailure(WrongExpectedVersionException.class)
                .transform(e -> new StaleVersionException("fact " + id, expectedVersion,
                        ((WrongExpectedVersionException) e).actualVersion()))
                .map(result -> result(id, result));
    }

    private static FactCommandResult result(UUID id, AppendResult result) {
        return new FactCommandResult(id, result.versionOf(Streams.fact(id)), result.lastPosition());
    }

    private Uni<FactChanges> changes(FactCorrection c) {
        boolean anyContent = c.actors() != null || c.topics() != null || c.sources() != null;
        Uni<Checked> checked = anyContent ? check(c.actors(), c.topics(), c.sources(), false)
                : Uni.createFrom().item(new Checked(null, null, null));
        return checked.map(k -> new FactChanges(c.type(), c.date() == null ? null : date(c.date()), k.actors(),
                k.topics(), c.summary() == null ? null : summary(c.summary()), k.sources()));
    }

    private Uni<FactContent> content(io.factline.domain.FactType type, FactAssertion.DateSpec date,
                                     List<FactAssertion.ActorRole> actors, List<String> topics, String summary,
                                     List<FactAssertion.Passage> sources, boolean required) {
        try {
            if (type == null) {
                throw new InvalidFactException("type is required (STATEMENT, AGREEMENT or MEETING)");
            }
            FactDate factDate = date == null ? FactDate.unknown(null) : date(date);
            String text = summary(summary);
            return check(actors, topics, sources, required)
                    .map(k -> new FactContent(type, factDate, k.actors(), k.topics(), text, k.sources()));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private record Checked(List<FactActor> actors, List<String> topics, List<SourceRef> sources) {
    }

    /** Actors, topics and documents must exist in the log; source passages must be in their documents. */
    private Uni<Checked> check(List<FactAssertion.ActorRole> actors, List<String> topics,
                               List<FactAssertion.Passage> sources, boolean required) {
        if (required && (actors == null || actors.isEmpty())) {
            return invalid("actors: a fact names at least one actor");
        }
        if (required && (sources == null || sources.isEmpty())) {
            return invalid("sources: a fact cites at least one passage of a stored document");
        }
        if (actors != null && actors.isEmpty()) {
            return invalid("actors: a fact names at least one actor");
        }
        if (sources != null && sources.isEmpty()) {
            return invalid("sources: a fact cites at least one passage of a stored document");
        }
        if (listOrEmpty(actors).size() > MAX_ITEMS || listOrEmpty(topics).size() > MAX_ITEMS) {
            return invalid("at most " + MAX_ITEMS + " actors and " + MAX_ITEMS + " topics per fact");
        }
        if (listOrEmpty(sources).size() > MAX_SOURCES) {
            return invalid("at most " + MAX_SOURCES + " sources per fact");
        }
        List<String> streams = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < listOrEmpty(actors).size(); i++) {
            FactAssertion.ActorRole a = actors.get(i);
            if (a == null || a.actor() == null || a.actor().isBlank() || a.role() == null) {
                return invalid("actors[" + i + "]: an actor id and a role are required");
            }
            Texts.required("actors[" + i + "].actor", a.actor(), MAX_ID);
            streams.add(Streams.actor(a.actor()));
            labels.put(Streams.actor(a.actor()), "actors[" + i + "]: unknown actor '" + a.actor() + "'");
        }
        for (int i = 0; i < listOrEmpty(topics).size(); i++) {
            String t = topics.get(i);
            if (t == null || t.isBlank()) {
                return invalid("topics[" + i + "]: a topic id is required");
            }
            Texts.required("topics[" + i + "]", t, MAX_ID);
            streams.add(Streams.topic(t));
            labels.put(Streams.topic(t), "topics[" + i + "]: unknown topic '" + t + "'");
        }
        Set<UUID> documents = new LinkedHashSet<>();
        for (int i = 0; i < listOrEmpty(sources).size(); i++) {
            FactAssertion.Passage s = sources.get(i);
            if (s == null || s.document() == null) {
                return invalid("sources[" + i + "]: a document id is required");
            }
            documents.add(s.document());
        }
        return log.versions(streams).chain(known -> {
            for (String stream : streams) {
                if (!known.containsKey(stream)) {
                    return invalid(labels.get(stream));
                }
            }
            return texts(documents).map(texts -> new Checked(
                    actors == null ? null : actors.stream().map(a -> new FactActor(a.actor(), a.role())).distinct().toList(),
                    topics == null ? null : topics.stream().distinct().toList(),
                    sources == null ? null : sourceRefs(sources, texts)));
        });
    }

    private Uni<Map<UUID, String>> texts(Set<UUID> documents) {
        return documents.isEmpty() ? Uni.createFrom().item(Map.of()) : log.documentTexts(documents);
    }

    private static List<SourceRef> sourceRefs(List<FactAssertion.Passage> sources, Map<UUID, String> texts) {
        List<SourceRef> refs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            FactAssertion.Passage s = sources.get(i);
            String where = "sources[" + i + "]: ";
            String text = Optional.ofNullable(texts.get(s.document()))
                    .orElseThrow(() -> new InvalidFactException(where + "no document with id " + s.document()));
            int start;
            int end;
            if (s.start() != null || s.end() != null) {
                if (s.start() == null || s.end() == null) {
                    throw new InvalidFactException(where + "give both start and end, or neither");
                }
                start = s.start();
                end = s.end();
                if (start < 0 || end > text.length() || start >= end) {
                    throw new InvalidFactException(where + "offsets " + start + ".." + end + " are outside the document (0.."
                            + text.length() + ")");
                }
                if (s.quote() != null && !text.substring(start, end).equals(s.quote())) {
                    throw new InvalidFactException(where + "the quote is not the text between the offsets");
                }
            } else {
                if (s.quote() == null || s.quote().isBlank()) {
                    throw new InvalidFactException(where + "a quote or offsets are required");
                }
                start = text.indexOf(s.quote());
                if (start < 0) {
                    throw new InvalidFactException(where + "the quote is not in the document");
                }
                end = start + s.quote().length();
            }
            double confidence = s.confidence() == null ? 1.0 : s.confidence();
            refs.add(new SourceRef(s.document(), text.substring(start, end), start, end, confidence));
        }
        return refs;
    }

    private static FactDate date(FactAssertion.DateSpec date) {
        return date.toFactDate(Texts.optional("date.text", date.text(), 200));
    }

    private static String summary(String summary) {
        return Texts.required("summary", summary == null ? null : summary.strip(), MAX_SUMMARY);
    }

    private static List<?> listOrEmpty(List<?> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Uni<T> invalid(String message) {
        return Uni.createFrom().failure(new InvalidFactException(message));
    }
}

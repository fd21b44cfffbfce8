package io.factline.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.FactState;
import io.factline.domain.FactStatus;
import io.factline.extract.FactDraft;
import io.factline.log.EventLog;
import io.factline.query.IngestionQueries;
import io.smallrye.mutiny.Uni;

/**
 * Finds, for extracted drafts, the active fact already known that states the same thing: the same
 * type, the same known date (start and precision), and actors of which one side contains the
 * other. Candidates come from the read model's actor index; the decision is taken on each
 * candidate's state folded from the log. Undated drafts are never matched: without a date nothing
 * says two mentions are one event.
 */
@ApplicationScoped
public class KnownFacts {

    @Inject
    IngestionQueries queries;
    @Inject
    EventLog log;

    /** The known fact each draft restates, by the draft's index; drafts that state nothing known are absent. */
    public Uni<Map<Integer, FactState>> restated(List<FactDraft> drafts, String text, Set<UUID> excluded) {
        List<Uni<Optional<FactState>>> lookups = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            FactDraft d = drafts.get(i);
            if (d.date().isKnown() && !d.actors().isEmpty()) {
                indexes.add(i);
                lookups.add(find(d, text.substring(d.start(), d.end()), excluded));
            }
        }
        if (lookups.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(lookups).andFailFast().map(found -> {
            Map<Integer, FactState> out = new LinkedHashMap<>();
            for (int k = 0; k < found.size(); k++) {
                int index = indexes.get(k);
                found.get(k).ifPresent(state -> out.put(index, state));
            }
            return out;
        });
    }

    private Uni<Optional<FactState>> find(FactDraft draft, String quote, Set<UUID> excluded) {
        LocalDate day = draft.date().start();
        return queries.activeFacts(draft.actors().get(0).actorId(), day, draft.date().precision().name(),
                        draft.type().name(), 50)
                .chain(found -> {
                    List<UUID> ids = found.stream().filter(id -> !excluded.contains(id)).toList();
                    return firstSame(draft, quote, ids, 0);
                });
    }

    private Uni<Optional<FactState>> firstSame(FactDraft draft, String quote, List<UUID> ids, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return log.fact(ids.get(from)).chain(state -> state.isPresent() && sameFact(draft, state.get(), quote)
                ? Uni.createFrom().item(state)
                : firstSame(draft, quote, ids, from + 1));
    }

    /**
     * The rule, on the fact as its log leaves it. Statements must also say much the same (half their
     * words in common): one speaker says many things on one day.
     */
    static boolean sameFact(FactDraft draft, FactState state, String draftQuote) {
        FactContent known = state.content();
        if (state.status() != FactStatus.ACTIVE || known.type() != draft.type() || !known.date().isKnown()
                || !known.date().start().equals(draft.date().start()) || known.date().precision() != draft.date().precision()) {
            return false;
        }
        Set<String> a = ids(draft.actors());
        Set<String> b = ids(known.actors());
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        if (common.isEmpty() || !(a.containsAll(b) || b.containsAll(a))) {
            return false;
        }
        return draft.type() != io.factline.domain.FactType.STATEMENT
                || known.sources().stream().anyMatch(s -> overlap(words(s.quote()), words(draftQuote)) >= 0.5);
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }

    private static double overlap(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return (double) common.size() / Math.min(x.size(), y.size());
    }

    /** The draft says what the fact says: type, date, actors and topics. */
    static boolean sameContent(FactDraft draft, FactState state) {
        FactContent known = state.content();
        return known.type() == draft.type() && known.date().equals(draft.date())
                && ids(known.actors()).equals(ids(draft.actors())) && Set.copyOf(known.topics()).equals(Set.copyOf(draft.topics()));
    }

    private static Set<String> ids(List<FactActor> actors) {
        Set<String> out = new HashSet<>();
        actors.forEach(x -> out.add(x.actorId()));
        return out;
    }
}

package io.factline.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactCorrected;
import io.factline.domain.DomainEvent.FactCorroborated;
import io.factline.domain.DomainEvent.FactEvent;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.DomainEvent.FactRetracted;

/**
 * A fact as its events leave it: the fold that both the commands (to check a change) and the
 * projections (to build the views) use, so the two can never disagree.
 */
public record FactState(UUID id, FactContent content, FactStatus status, FactOrigin origin, int version,
                        List<Change> history, String retractionReason) {

    /** One event of the fact, as its history shows it. */
    public record Change(int version, String type, OffsetDateTime at, String by, String reason, long position) {
    }

    /** Where and when an event was recorded, and by whom. */
    public record Recorded(int version, long position, OffsetDateTime at, String by) {
    }

    public FactState {
        history = List.copyOf(history);
    }

    public static FactState fold(List<? extends FactEvent> events, List<Recorded> recorded) {
        FactState state = null;
        for (int i = 0; i < events.size(); i++) {
            state = apply(state, events.get(i), recorded.get(i));
        }
        return state;
    }

    /** The state after one more event; {@code state} is null before the fact's first event. */
    public static FactState apply(FactState state, FactEvent event, Recorded recorded) {
        if (event instanceof FactExtracted extracted) {
            requireNew(state, event);
            return new FactState(extracted.factId(), extracted.content(), FactStatus.ACTIVE, FactOrigin.EXTRACTED,
                    recorded.version(), List.of(change(event, recorded, null)), null);
        }
        if (event instanceof FactAsserted asserted) {
            requireNew(state, event);
            return new FactState(asserted.factId(), asserted.content(), FactStatus.ACTIVE, FactOrigin.ASSERTED,
                    recorded.version(), List.of(change(event, recorded, asserted.note())), null);
        }
        if (state == null) {
            throw new IllegalStateException(EventCodec.typeName(event) + " for fact " + event.factId()
                    + " comes before the fact exists");
        }
        if (event instanceof FactCorrected corrected) {
            return state.next(state.content.with(corrected.changes()), state.status, null, event, recorded,
                    corrected.reason());
        }
        if (event instanceof FactRetracted retracted) {
            return state.next(state.content, FactStatus.RETRACTED, retracted.reason(), event, recorded,
                    retracted.reason());
        }
        if (event instanceof FactCorroborated corroborated) {
            return state.next(state.content.withSource(corroborated.source()), state.status, state.retractionReason,
                    event, recorded, null);
        }
        throw new IllegalStateException("unhandled fact event " + event);
    }

    private FactState next(FactContent content, FactStatus status, String retractionReason, FactEvent event,
                           Recorded recorded, String reason) {
        List<Change> changes = new ArrayList<>(history);
        changes.add(change(event, recorded, reason));
        return new FactState(id, content, status, origin, recorded.version(), changes, retractionReason);
    }

    private static Change change(FactEvent event, Recorded recorded, String reason) {
        return new Change(recorded.version(), EventCodec.typeName(event), recorded.at(), recorded.by(), reason,
                recorded.position());
    }

    private static void requireNew(FactState state, FactEvent event) {
        if (state != null) {
            throw new IllegalStateException("fact " + event.factId() + " already exists");
        }
    }
}

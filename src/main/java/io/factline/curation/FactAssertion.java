package io.factline.curation;

import java.util.List;
import java.util.UUID;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/** A fact as a curator asserts it. {@code id} is optional: given, it makes a retried request safe. */
public record FactAssertion(UUID id, FactType type, DateSpec date, List<ActorRole> actors, List<String> topics,
                            String summary, List<Passage> sources, String note) {

    /** "2020", "2020-11" or "2020-11-12"; the precision follows the form unless given; no value means unknown. */
    public record DateSpec(String value, DatePrecision precision, String text) {
    }

    /** An actor, by id, and the role it plays in the fact. */
    public record ActorRole(String actor, Role role) {
    }

    /** A passage of a stored document: by offsets, by quote (found in the text), or both (they must agree). */
    public record Passage(UUID document, String quote, Integer start, Integer end, Double confidence) {
    }
}

package io.factline.curation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;
import io.factline.domain.InvalidFactException;
import io.factline.domain.Role;

/** A fact as a curator asserts it. {@code id} is optional: given, it makes a retried request safe. */
public record FactAssertion(UUID id, FactType type, DateSpec date, List<ActorRole> actors, List<String> topics,
                            String summary, List<Passage> sources, String note) {

    /**
     * A date written {@code value} ("2020", "2020-11" or "2020-11-12"; the precision follows the form
     * unless given) or, as facts are served, {@code start} and {@code end} with their precision;
     * neither means unknown.
     */
    public record DateSpec(String value, LocalDate start, LocalDate end, DatePrecision precision, String text) {

        public static DateSpec of(String value, DatePrecision precision, String text) {
            return new DateSpec(value, null, null, precision, text);
        }

        FactDate toFactDate(String checkedText) {
            boolean interval = start != null || end != null;
            if (interval && value != null && !value.isBlank()) {
                throw new InvalidFactException("date: give either value (such as 2021-05) or start and end as facts are "
                        + "served, not both");
            }
            return interval ? FactDate.interval(start, end, precision, checkedText)
                    : FactDate.parse(value, precision, checkedText);
        }
    }

    /** An actor, by id, and the role it plays in the fact. */
    public record ActorRole(String actor, Role role) {
    }

    /** A passage of a stored document: by offsets, by quote (found in the text), or both (they must agree). */
    public record Passage(UUID document, String quote, Integer start, Integer end, Double confidence) {
    }
}

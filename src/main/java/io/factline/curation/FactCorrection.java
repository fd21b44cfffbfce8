package io.factline.curation;

import java.util.List;

import io.factline.domain.FactType;

/** A correction: each field given replaces the fact's value; the rest stays. */
public record FactCorrection(FactType type, FactAssertion.DateSpec date, List<FactAssertion.ActorRole> actors,
                             List<String> topics, String summary, List<FactAssertion.Passage> sources, String reason) {
}

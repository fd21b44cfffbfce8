package io.factline.curation;

import java.util.List;

import io.factline.domain.FactType;

/** A correction: each field given replaces the fact's value; the rest stays. */
public record FactCorrection(FactType type, FactInput.DateInput date, List<FactInput.ActorRoleInput> actors,
                             List<String> topics, String summary, List<FactInput.SourceInput> sources, String reason) {
}

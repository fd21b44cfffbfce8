package io.factline.domain;

import java.util.Objects;

/** An actor of a fact (by its id) and the role it plays there. */
public record FactActor(String actorId, Role role) {
    public FactActor {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(role, "role");
    }
}

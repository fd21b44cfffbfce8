package io.factline.extract;

import java.util.List;

import io.factline.domain.ActorKind;

/**
 * An actor found in an earlier document and known to the service, handed to the extractor with a new
 * document that names it: "Altan Gerel" needs no title the second time. {@code state} is the state it
 * acts for, where known.
 */
public record KnownActor(String id, String name, ActorKind kind, String state, List<String> aliases) {
    public KnownActor {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}

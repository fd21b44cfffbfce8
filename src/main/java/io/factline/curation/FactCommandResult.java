package io.factline.curation;

import java.util.UUID;

/** What a fact command did: the fact, its version after the command, and the log position of the change. */
public record FactCommandResult(UUID factId, int version, long position) {
}

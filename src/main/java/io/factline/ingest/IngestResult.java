package io.factline.ingest;

import java.util.List;
import java.util.UUID;

/** The outcome of an ingestion: the document's id, whether it is new, its facts, and the log position reached. */
public record IngestResult(UUID documentId, boolean created, List<UUID> factIds, long position) {
}

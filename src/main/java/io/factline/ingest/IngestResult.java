package io.factline.ingest;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of an ingestion: the document's id, whether it is new, the facts it brought, the
 * known facts it corroborated (another source on the same fact), and the log position reached.
 */
public record IngestResult(UUID documentId, boolean created, List<UUID> factIds, List<UUID> corroboratedFactIds,
                           long position) {
}

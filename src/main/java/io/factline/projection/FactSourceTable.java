package io.factline.projection;

import java.util.UUID;

/** fact_source: the facts a document is a source of, by date. */
final class FactSourceTable extends FactKeyedTable<UUID> {

    FactSourceTable() {
        super("fact_source", "document_id", "uuid", FactRow::documents, UUID[]::new);
    }
}

package io.factline.projection;

import java.util.Arrays;

import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.eventstore.RecordedEvent;
import io.vertx.mutiny.sqlclient.Tuple;

/** document_view: one row per ingested document, its text included. */
final class DocumentViewTable implements ReadModel {

    private static final String INSERT = """
            insert into document_view (id, content_hash, title, publisher, published, published_date, url,
                                       media_type, text, length, ingested_at, ingested_by, position)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            on conflict (id) do nothing""";

    @Override
    public String table() {
        return "document_view";
    }

    @Override
    public void apply(DecodedEvent event, Pipeline out) {
        if (event.event() instanceof DocumentIngested d) {
            RecordedEvent recorded = event.recorded();
            out.execute(INSERT, Tuple.tuple(Arrays.asList(d.documentId(), d.contentHash(), d.title(), d.publisher(),
                    d.published(), d.publishedDate(), d.url(), d.mediaType(), d.text(), d.text().length(),
                    recorded.recordedAt(), event.metadata().by(), recorded.position())));
        }
    }
}

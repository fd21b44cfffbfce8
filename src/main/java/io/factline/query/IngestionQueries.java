package io.factline.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What ingestion and re-extraction read from the views: candidates for a fact a new document restates,
 * the facts a document is a source of, and the documents in the order they came in.
 */
@ApplicationScoped
public class IngestionQueries {

    @Inject
    Pool pool;

    /** Active facts of this type whose first actor is this one, dated from this day at this precision. */
    public Uni<List<UUID>> activeFacts(String firstActorId, LocalDate day, String precision, String type, int limit) {
        return pool.preparedQuery("""
                        select fact_id from fact_actor
                        where actor_id = $1 and sort_date = $2 and precision = $3 and type = $4 and status = 'ACTIVE'
                        order by fact_id limit $5""")
                .execute(Tuple.of(firstActorId, day, precision, type, limit))
                .map(IngestionQueries::ids);
    }

    /** The facts this document is a source of: extracted from it or corroborated by it. */
    public Uni<List<UUID>> factsSourcedBy(UUID documentId) {
        return pool.preparedQuery("select distinct fact_id from fact_source where document_id = $1")
                .execute(Tuple.of(documentId)).map(IngestionQueries::ids);
    }

    /** Every document, in the order it was ingested. */
    public Uni<List<UUID>> documentsInIngestionOrder() {
        return pool.query("select id from document_view order by ingested_at, id").execute().map(IngestionQueries::ids);
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getUUID(0)));
        return ids;
    }
}

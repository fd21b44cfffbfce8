package io.factline.projection;

import static io.factline.projection.FactRow.column;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;

/** fact_view: one row per fact, the fact as served (JSON) beside the columns its filters need. */
final class FactViewTable implements ReadModel {

    /** One statement for the whole batch: each parameter is a column of its facts. */
    private static final String UPSERT = """
            insert into fact_view (id, type, status, precision, sort_date, date_end, version, position, doc, search)
            select t.id, t.type, t.status, t.precision, t.sort_date, t.date_end, t.version, t.position, t.doc,
                   to_tsvector('english', t.search)
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::int[],
                        $8::bigint[], $9::text[], $10::text[])
                 as t(id, type, status, precision, sort_date, date_end, version, position, doc, search)
            on conflict (id) do update set type = excluded.type, status = excluded.status,
                precision = excluded.precision, sort_date = excluded.sort_date, date_end = excluded.date_end,
                version = excluded.version, position = excluded.position, doc = excluded.doc,
                search = excluded.search""";

    @Override
    public String table() {
        return "fact_view";
    }

    /** An upsert: a fact keeps its one row whatever changed, so the previous rows need no removal. */
    @Override
    public void replaceFacts(List<FactRow> previous, List<FactRow> current, Pipeline out) {
        if (current.isEmpty()) {
            return;
        }
        out.execute(UPSERT, Tuple.tuple(List.of(
                column(current, FactRow::id, UUID[]::new),
                column(current, FactRow::type, String[]::new),
                column(current, FactRow::status, String[]::new),
                column(current, FactRow::precision, String[]::new),
                column(current, FactRow::sortDate, LocalDate[]::new),
                column(current, FactRow::dateEnd, LocalDate[]::new),
                column(current, FactRow::version, Integer[]::new),
                column(current, FactRow::position, Long[]::new),
                column(current, FactRow::docJson, String[]::new),
                column(current, FactRow::searchText, String[]::new))));
    }
}

package io.factline.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.factline.domain.FactType;
import io.factline.projection.Periods;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Timelines from the precomputed counts (timeline_count), for the filters they can answer: all facts,
 * one actor or one topic, by type, over whole periods. Other filters count the facts themselves.
 */
final class TimelineCounts {

    private TimelineCounts() {
    }

    static boolean canServe(FactFilter f, Granularity granularity) {
        return f.actors().size() + f.topics().size() <= 1 && f.document() == null && f.text() == null
                && !f.includeRetracted()
                && (f.from() == null || f.from().equals(periodStart(f.from(), granularity)))
                && (f.to() == null || f.to().equals(periodEnd(f.to(), granularity)));
    }

    static Uni<List<Row>> query(Pool pool, FactFilter f, Granularity granularity) {
        String scope = !f.actors().isEmpty() ? "actor:" + f.actors().get(0)
                : !f.topics().isEmpty() ? "topic:" + f.topics().get(0) : "all";
        List<Object> params = new ArrayList<>(List.of(scope, granularity == Granularity.YEAR ? 4 : 7));
        StringBuilder sql = new StringBuilder("select period, type, fact_count::bigint from timeline_count "
                + "where scope = $1 and length(period) = $2");
        if (f.from() != null) {
            params.add(period(f.from(), granularity));
            sql.append(" and period >= $").append(params.size());
        }
        if (f.to() != null) {
            params.add(period(f.to(), granularity));
            sql.append(" and period <= $").append(params.size());
        }
        if (!f.types().isEmpty()) {
            params.add(f.types().stream().map(FactType::name).toArray(String[]::new));
            sql.append(" and type = any($").append(params.size()).append(")");
        }
        sql.append(" order by period, type");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(Rows::list);
    }

    private static String period(LocalDate date, Granularity granularity) {
        return granularity == Granularity.YEAR ? Periods.year(date) : Periods.month(date);
    }

    private static LocalDate periodStart(LocalDate date, Granularity granularity) {
        return granularity == Granularity.YEAR ? date.withDayOfYear(1) : date.withDayOfMonth(1);
    }

    private static LocalDate periodEnd(LocalDate date, Granularity granularity) {
        return granularity == Granularity.YEAR ? date.withMonth(12).withDayOfMonth(31) : YearMonth.from(date).atEndOfMonth();
    }
}

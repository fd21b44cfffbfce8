package io.factline.projection;

import java.util.List;

import io.factline.projection.CountDeltas.TimelineKey;

/**
 * timeline_count: active facts per period and type, over all facts ('all') and over each actor's
 * ('actor:&lt;id&gt;') and topic's ('topic:&lt;id&gt;'); a period is a year ('YYYY') or a month ('YYYY-MM').
 */
final class TimelineCountTable extends CountTable<TimelineKey> {

    private static final String RECOUNT = """
            insert into timeline_count (scope, period, type, fact_count)
            select scope, period, type, count(*) from (
                %s
                union all
                %s
                union all
                %s
            ) r
            group by 1, 2, 3""".formatted(periodRows("'all'", "fact_view"),
            periodRows("'actor:' || actor_id", "fact_actor"), periodRows("'topic:' || topic_id", "fact_topic"));

    TimelineCountTable() {
        super("timeline_count", List.of("scope", "period", "type"),
                List.of(TimelineKey::scope, TimelineKey::period, TimelineKey::type), deltas -> deltas.timeline,
                RECOUNT);
    }

    /**
     * As {@link CountDeltas#periods}: a fact counts in its year if dated to the year or finer, and in
     * its month if dated to the month or finer.
     */
    private static String periodRows(String scope, String table) {
        return """
                select %1$s as scope, to_char(sort_date, 'YYYY') as period, type from %2$s
                where status = 'ACTIVE' and precision in ('DAY', 'MONTH', 'YEAR')
                union all
                select %1$s, to_char(sort_date, 'YYYY-MM'), type from %2$s
                where status = 'ACTIVE' and precision in ('DAY', 'MONTH')""".formatted(scope, table);
    }
}

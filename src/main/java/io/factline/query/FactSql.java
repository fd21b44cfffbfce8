package io.factline.query;

import java.util.ArrayList;
import java.util.List;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactType;

/**
 * Builds the SQL that selects facts for a filter. Every value is a bind parameter. It reads from the narrowest read model the filter
 * allows — (actor, date, fact), (topic, date, fact), (document, date, fact), else (date, fact) —
 * so that a page is an index range scan in the order it is served, never a sort of everything.
 * In the SQL, {@code d} is that driving table: sort_date, fact id, date_end, precision, type, status.
 */
final class FactSql {

    /** What a batch of pages is read for: each id of the batch drives a page of its own. */
    enum Lead {
        ACTOR("fact_actor", "actor_id", "text"),
        TOPIC("fact_topic", "topic_id", "text"),
        DOCUMENT("fact_source", "document_id", "uuid");

        final String table;
        final String column;
        final String sqlType;

        Lead(String table, String column, String sqlType) {
            this.table = table;
            this.column = column;
            this.sqlType = sqlType;
        }
    }

    private final List<Object> params = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private String from;
    private String factId;
    private Lead lead;
    /** The actor, topic or document a plain query is driven by; null for a batch. */
    private Object leadValue;

    private FactSql() {
    }

    static FactSql filtered(FactFilter filter) {
        FactSql sql = new FactSql();
        if (!filter.actors().isEmpty()) {
            sql.leadValue = filter.actors().get(0);
            sql.drive(Lead.ACTOR, sql.param(sql.leadValue));
        } else if (!filter.topics().isEmpty()) {
            sql.leadValue = filter.topics().get(0);
            sql.drive(Lead.TOPIC, sql.param(sql.leadValue));
        } else if (filter.document() != null) {
            sql.leadValue = filter.document();
            sql.drive(Lead.DOCUMENT, sql.param(sql.leadValue));
        } else {
            sql.from = "fact_view d";
            sql.factId = "d.id";
        }
        return sql.restrict(filter);
    }

    /** For a batch of ids ($1, an array): {@link #lateralPages} wraps a page query into one page per id. */
    static FactSql forEach(Lead lead, FactFilter filter, Object[] ids) {
        FactSql sql = new FactSql();
        sql.param(ids);
        sql.drive(lead, "a.id");
        return sql.restrict(filter);
    }

    List<Object> params() {
        return params;
    }

    private String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private void drive(Lead lead, String idExpression) {
        this.lead = lead;
        from = lead.table + " d";
        factId = "d.fact_id";
        where.add("d." + lead.column + " = " + idExpression);
    }

    /** Adds every condition of the filter the driving table does not already impose. */
    private FactSql restrict(FactFilter filter) {
        for (String actor : filter.actors()) {
            if (!isLead(Lead.ACTOR, actor)) {
                where.add("exists (select 1 from fact_actor x where x.actor_id = " + param(actor)
                        + " and x.sort_date = d.sort_date and x.fact_id = " + factId + ")");
            }
        }
        for (String topic : filter.topics()) {
            if (!isLead(Lead.TOPIC, topic)) {
                where.add("exists (select 1 from fact_topic x where x.topic_id = " + param(topic)
                        + " and x.sort_date = d.sort_date and x.fact_id = " + factId + ")");
            }
        }
        if (filter.document() != null && !isLead(Lead.DOCUMENT, filter.document())) {
            where.add("exists (select 1 from fact_source x where x.document_id = " + param(filter.document())
                    + " and x.sort_date = d.sort_date and x.fact_id = " + factId + ")");
        }
        if (!filter.includeRetracted()) {
            where.add("d.status = 'ACTIVE'");
        }
        if (!filter.types().isEmpty()) {
            where.add("d.type = any(" + param(filter.types().stream().map(FactType::name).toArray(String[]::new)) + ")");
        }
        if (filter.from() != null || filter.to() != null) {
            where.add("d.date_end is not null");
        }
        if (filter.from() != null) {
            where.add("d.sort_date >= " + param(filter.from()));
        }
        if (filter.to() != null) {
            String to = param(filter.to());
            where.add("d.sort_date <= " + to);
            where.add("d.date_end <= " + to);
        }
        if (filter.text() != null) {
            where.add("exists (select 1 from fact_view s where s.id = " + factId
                    + " and s.search @@ websearch_to_tsquery('english', " + param(filter.text()) + "))");
        }
        return this;
    }

    private boolean isLead(Lead kind, Object value) {
        return lead == kind && value.equals(leadValue);
    }

    /** A page: the fact documents after the cursor, in (date, id) order, one more than asked to tell if more follow. */
    String page(Cursor after, int limit) {
        List<String> conditions = new ArrayList<>(where);
        if (after != null) {
            conditions.add("(d.sort_date, " + factId + ") > (" + param(after.sortDate()) + ", " + param(after.id()) + ")");
        }
        String documents = lead == null ? "select d.doc from " + from
                : "select f.doc from " + from + " join fact_view f on f.id = " + factId;
        return documents + whereClause(conditions) + " order by d.sort_date, " + factId + " limit " + param(limit + 1);
    }

    String lateralPages(String pageSql) {
        return "select a.id, p.doc from unnest($1::" + lead.sqlType + "[]) as a(id) cross join lateral (" + pageSql
                + ") as p(doc)";
    }

    String count() {
        return "select count(*) from " + from + whereClause(where);
    }

    /** Counts per period and type over the filtered facts dated at least as finely as the period. */
    String timeline(Granularity granularity) {
        List<String> conditions = new ArrayList<>(where);
        List<String> precisions = new ArrayList<>();
        for (DatePrecision p : DatePrecision.values()) {
            if (p.atLeastAsFineAs(granularity.precision())) {
                precisions.add(p.name());
            }
        }
        conditions.add("d.precision = any(" + param(precisions.toArray(String[]::new)) + ")");
        String period = "to_char(d.sort_date, '" + (granularity == Granularity.YEAR ? "YYYY" : "YYYY-MM") + "')";
        return "select " + period + " as period, d.type, count(*) from " + from + whereClause(conditions)
                + " group by 1, 2 order by 1, 2";
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}

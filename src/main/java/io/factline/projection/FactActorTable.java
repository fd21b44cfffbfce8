package io.factline.projection;

import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** fact_actor: "facts of an actor by date", each row with the roles the actor has in the fact. */
final class FactActorTable extends FactKeyedTable<String> {

    /** The roles travel as one comma-joined text per row: unnest cannot take an array of arrays. */
    private static final String INSERT = """
            insert into fact_actor (actor_id, sort_date, fact_id, date_end, precision, type, status, roles)
            select t.actor_id, t.sort_date, t.fact_id, t.date_end, t.precision, t.type, t.status,
                   string_to_array(t.roles, ',')
            from unnest($1::text[], $2::date[], $3::uuid[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[])
                 as t(actor_id, sort_date, fact_id, date_end, precision, type, status, roles)""";

    FactActorTable() {
        super("fact_actor", "actor_id", "text", fact -> fact.actorRoles().keySet(), String[]::new);
    }

    @Override
    void insert(KeyedRows<String> rows, Pipeline out) {
        String[] roles = new String[rows.keys().size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = String.join(",", rows.owners().get(i).actorRoles().get(rows.keys().get(i)));
        }
        List<Object> columns = columns(rows);
        columns.add(roles);
        out.execute(INSERT, Tuple.tuple(columns));
    }
}

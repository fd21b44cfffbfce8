package io.factline.projection;

import static io.factline.projection.FactRow.column;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Facts listed by one of their keys (an actor, a topic, a document): one row per (key, fact), keyed
 * (key, sort_date, fact_id) so that a key's facts are read in date order. A fact's old rows are
 * removed by the keys and date of its previous state, so the table needs no second index.
 */
abstract class FactKeyedTable<K> implements ReadModel {

    /** One row per (key, fact): the keys of every fact, each beside the fact it belongs to. */
    record KeyedRows<K>(List<K> keys, List<FactRow> owners) {
    }

    private final String table;
    private final Function<FactRow, Collection<K>> keysOf;
    private final IntFunction<K[]> keyArray;
    private final String deleteSql;
    private final String insertSql;

    /** @param keyType the key column's SQL type, for the arrays of keys */
    FactKeyedTable(String table, String keyColumn, String keyType, Function<FactRow, Collection<K>> keysOf,
                   IntFunction<K[]> keyArray) {
        this.table = table;
        this.keysOf = keysOf;
        this.keyArray = keyArray;
        deleteSql = """
                delete from %1$s t using unnest($1::%3$s[], $2::date[], $3::uuid[]) as k(key, sort_date, fact_id)
                where t.%2$s = k.key and t.sort_date = k.sort_date and t.fact_id = k.fact_id"""
                .formatted(table, keyColumn, keyType);
        insertSql = """
                insert into %1$s (%2$s, sort_date, fact_id, date_end, precision, type, status)
                select * from unnest($1::%3$s[], $2::date[], $3::uuid[], $4::date[], $5::text[], $6::text[],
                                     $7::text[])"""
                .formatted(table, keyColumn, keyType);
    }

    @Override
    public final String table() {
        return table;
    }

    /** Removes the old rows before adding the new: a fact whose keys and date stay has the same primary keys. */
    @Override
    public final void replaceFacts(List<FactRow> previous, List<FactRow> current, Pipeline out) {
        KeyedRows<K> old = rows(previous);
        if (!old.keys().isEmpty()) {
            out.execute(deleteSql, Tuple.of(keys(old), column(old.owners(), FactRow::sortDate, LocalDate[]::new),
                    column(old.owners(), FactRow::id, UUID[]::new)));
        }
        KeyedRows<K> rows = rows(current);
        if (!rows.keys().isEmpty()) {
            insert(rows, out);
        }
    }

    /** The rows as most listings have them; one with more columns says how to insert them. */
    void insert(KeyedRows<K> rows, Pipeline out) {
        out.execute(insertSql, Tuple.tuple(columns(rows)));
    }

    /** The columns every listing has, in the order unnest takes them: key, sort_date, fact_id, date_end, … status. */
    final List<Object> columns(KeyedRows<K> rows) {
        List<FactRow> owners = rows.owners();
        return new ArrayList<>(List.of(keys(rows),
                column(owners, FactRow::sortDate, LocalDate[]::new),
                column(owners, FactRow::id, UUID[]::new),
                column(owners, FactRow::dateEnd, LocalDate[]::new),
                column(owners, FactRow::precision, String[]::new),
                column(owners, FactRow::type, String[]::new),
                column(owners, FactRow::status, String[]::new)));
    }

    private K[] keys(KeyedRows<K> rows) {
        return rows.keys().toArray(keyArray);
    }

    private KeyedRows<K> rows(List<FactRow> facts) {
        List<K> keys = new ArrayList<>();
        List<FactRow> owners = new ArrayList<>();
        for (FactRow fact : facts) {
            for (K key : keysOf.apply(fact)) {
                keys.add(key);
                owners.add(fact);
            }
        }
        return new KeyedRows<>(keys, owners);
    }
}

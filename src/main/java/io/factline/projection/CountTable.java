package io.factline.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A table of counts over active facts keyed by text columns (actor_pair, actor_topic,
 * timeline_count): the live projection adds a batch's deltas, a rebuild counts again from the fact
 * rows. A row is deleted in the transaction that brings its count to 0, so no committed row holds 0.
 *
 * @param <K> the key of a row in {@link CountDeltas}
 */
abstract class CountTable<K> implements ReadModel {

    private final String table;
    private final List<Function<K, String>> keyParts;
    private final Function<CountDeltas, Map<K, Integer>> deltasOf;
    private final String recountSql;
    private final String upsertSql;
    private final String deleteZeroSql;

    /**
     * @param keyParts   how to read each key column (in the order of {@code keyColumns}) from a key
     * @param deltasOf   this table's share of a batch's deltas
     * @param recountSql the insert that counts everything from the fact rows, into the emptied table
     */
    CountTable(String table, List<String> keyColumns, List<Function<K, String>> keyParts,
               Function<CountDeltas, Map<K, Integer>> deltasOf, String recountSql) {
        this.table = table;
        this.keyParts = keyParts;
        this.deltasOf = deltasOf;
        this.recountSql = recountSql;
        String keys = String.join(", ", keyColumns);
        String textArrays = IntStream.rangeClosed(1, keyColumns.size()).mapToObj(i -> "$" + i + "::text[]")
                .collect(Collectors.joining(", "));
        upsertSql = """
                insert into %1$s (%2$s, fact_count)
                select * from unnest(%3$s, $%4$d::int[])
                on conflict (%2$s) do update set fact_count = %1$s.fact_count + excluded.fact_count"""
                .formatted(table, keys, textArrays, keyColumns.size() + 1);
        // by the primary key's leading column: an index lookup per key the batch touched, not a scan
        deleteZeroSql = "delete from %s where %s = any($1) and fact_count = 0".formatted(table, keyColumns.get(0));
    }

    @Override
    public final String table() {
        return table;
    }

    @Override
    public final void recount(Pipeline out) {
        out.execute(recountSql);
    }

    /** The upsert of the non-zero deltas and, once it is answered, the delete of the rows it brought to 0. */
    @Override
    public final void applyCounts(CountDeltas deltas, Pipeline out) {
        List<Map.Entry<K, Integer>> changed = CountDeltas.nonZero(deltasOf.apply(deltas));
        if (changed.isEmpty()) {
            return;
        }
        List<Object> columns = new ArrayList<>();
        for (Function<K, String> part : keyParts) {
            columns.add(changed.stream().map(e -> part.apply(e.getKey())).toArray(String[]::new));
        }
        columns.add(changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        Object firstKeys = columns.get(0);
        out.add(out.client().preparedQuery(upsertSql).execute(Tuple.tuple(columns))
                .chain(() -> out.client().preparedQuery(deleteZeroSql).execute(Tuple.of(firstKeys))));
    }
}

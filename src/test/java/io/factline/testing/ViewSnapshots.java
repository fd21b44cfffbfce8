package io.factline.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.factline.projection.ReadModels;

/** The read models as they stand: every row of every view (and the checkpoint), as text, sorted. */
public final class ViewSnapshots {

    /** What a rebuild replaces, as the projection lists it, and the checkpoint it moves. */
    public static final List<String> TABLES = Stream.concat(ReadModels.tables().stream(), Stream.of("projection_checkpoint"))
            .toList();

    private ViewSnapshots() {
    }

    /** Sorted, so that no table needs its key spelled out here. */
    public static Map<String, List<String>> take(Connection connection) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String name : TABLES) {
                List<String> table = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select * from " + name)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.append(meta.getColumnName(c)).append('=').append(result.getString(c)).append(';');
                        }
                        table.add(row.toString());
                    }
                }
                Collections.sort(table);
                rows.put(name, table);
            }
        }
        return rows;
    }
}

package io.factline.projection;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Statements for one connection, sent one after the other without waiting for each answer: on one
 * connection PostgreSQL runs them in the order they were added, and the round trips between them are
 * saved. Nothing is sent before {@link #send()}.
 */
final class Pipeline {

    private final SqlClient client;
    private final List<Uni<Void>> statements = new ArrayList<>();

    Pipeline(SqlClient client) {
        this.client = client;
    }

    /** For statements that must wait for an answer before the next (add the chain as one). */
    SqlClient client() {
        return client;
    }

    void add(Uni<?> statement) {
        statements.add(statement.replaceWithVoid());
    }

    void execute(String sql) {
        add(client.query(sql).execute());
    }

    void execute(String sql, Tuple arguments) {
        add(client.preparedQuery(sql).execute(arguments));
    }

    Uni<Void> send() {
        return statements.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }
}

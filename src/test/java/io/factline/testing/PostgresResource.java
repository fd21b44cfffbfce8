package io.factline.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Gives every Quarkus test application a fresh database of its own (see {@link TestDatabase}). */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase.Database database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("app");
        return Map.of(
                "factline.db.url", database.url(),
                "factline.db.user", database.user(),
                "factline.db.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}

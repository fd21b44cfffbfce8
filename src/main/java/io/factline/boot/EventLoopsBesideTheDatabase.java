package io.factline.boot;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The default number of Vert.x event loops: one per two cores, at least one, where Quarkus would take
 * two per core. factline runs beside its PostgreSQL (the embedded one, or a server on the same host),
 * and each page is a request handled on an event loop and a query answered by PostgreSQL: measured on
 * two cores, one event loop served the GraphQL page 15-25% faster than two or four, which hand every
 * request and its query between threads and take the core PostgreSQL needs. Below every other source:
 * {@code QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE} sets it (e.g. where PostgreSQL runs on other machines).
 */
public class EventLoopsBesideTheDatabase implements ConfigSource {

    static final String NAME = "quarkus.vertx.event-loops-pool-size";

    private final String loops = Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(NAME);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(NAME, loops);
    }

    @Override
    public String getValue(String propertyName) {
        return NAME.equals(propertyName) ? loops : null;
    }

    @Override
    public String getName() {
        return "factline event loops beside the database";
    }

    @Override
    public int getOrdinal() {
        return 50; // below application.properties (250), the environment (300) and system properties (400)
    }
}

package io.factline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every factline setting, typed, with its default: the one place a default is written. Each is an
 * environment variable too ({@code factline.seeds.dir} is {@code FACTLINE_SEEDS_DIR}; the README's
 * configuration table lists them). Settings that rename one of Quarkus's ({@code factline.db.url},
 * {@code factline.http.port}, the token settings…) are passed on by expressions in
 * application.properties, which take their defaults from here; the launcher's ({@code data-dir},
 * {@code embedded-db.*}, {@code local-writes.*}), read before Quarkus starts, read theirs from here
 * through {@link MappingDefaults}.
 */
@ConfigMapping(prefix = "factline")
public interface FactlineConfig {

    Db db();

    Http http();

    Jwt jwt();

    Auth auth();

    Cors cors();

    Log log();

    Otel otel();

    /** Where the embedded database and the local signing key keep their files. */
    @WithDefault(".factline")
    Path dataDir();

    EmbeddedDb embeddedDb();

    LocalWrites localWrites();

    Ingest ingest();

    Seeds seeds();

    Projection projection();

    Metrics metrics();

    Api api();

    GraphQL graphql();

    EventStore eventstore();

    interface Db {
        /** {@code postgresql://host:port/db}; none: the embedded database. */
        Optional<String> url();

        @WithDefault("postgres")
        String user();

        Optional<String> password();

        /** Connections for queries and projections. */
        @WithDefault("8")
        int poolSize();
    }

    interface Http {
        @WithDefault("8080")
        int port();

        /** Largest request body of any kind, refused before it is read. */
        @WithDefault("16M")
        String maxBodySize();
    }

    interface Jwt {
        /** The identity provider's keys: its jwks_uri, or a PEM or JWKS file. */
        Optional<String> publicKeyLocation();

        Optional<String> issuer();

        Optional<String> audience();

        @WithDefault("groups")
        String rolesClaim();
    }

    interface Auth {
        @WithDefault("false")
        boolean readsRequireToken();
    }

    interface Cors {
        /** Front-end origins, comma-separated. */
        Optional<String> origins();
    }

    interface Log {
        @WithDefault("false")
        boolean json();
    }

    interface Otel {
        /** An OTLP/HTTP collector; none: tracing off. */
        Optional<String> endpoint();
    }

    interface EmbeddedDb {
        /** false: refuse to start without {@code factline.db.url}. */
        @WithDefault("true")
        boolean enabled();

        /** Its port on 127.0.0.1; none: any free port. */
        Optional<Integer> port();

        /** CURRENT_USER, USER_NAMESPACE or RUN_AS_USER; none: detected. */
        Optional<String> privileges();

        /** The user for RUN_AS_USER; none: postgres or nobody. */
        Optional<String> user();
    }

    interface LocalWrites {
        /** With the embedded database and no token key: sign tokens with a key of this installation. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Ingest {
        /** Largest document accepted (413 above); the HTTP body limit is larger, so the answer can say why. */
        @WithDefault("2097152")
        long maxDocumentBytes();
    }

    interface Seeds {
        @WithDefault("seeds")
        Path dir();

        @WithDefault("true")
        boolean enabled();
    }

    interface Projection {
        /** Events applied per transaction while following the log. */
        @WithDefault("500")
        int batchSize();

        /** Events applied per transaction during a rebuild, when nobody waits for one event. */
        @WithDefault("5000")
        int rebuildBatchSize();

        /** How often to look for events other instances appended. */
        @WithDefault("PT1S")
        Duration pollInterval();
    }

    interface Metrics {
        @WithDefault("PT5S")
        Duration lagInterval();
    }

    interface Api {
        /** How long a write waits for the views to show it before answering 202. */
        @WithDefault("PT10S")
        Duration writeVisibilityTimeout();
    }

    interface GraphQL {
        @WithDefault("5000")
        int maxObjects();

        @WithDefault("12")
        int maxDepth();

        @WithDefault("2000")
        int maxComplexity();

        /**
         * Compiled plans for the hot reads (fact connections, io.factline.api.graphql.plan): a query
         * they can answer is sent the stored fact documents pruned to its selection, without
         * graphql-java's execution. {@code enabled}, {@code disabled}, or {@code verify} (tests): each
         * such query is answered both ways, and a difference fails the request.
         */
        @WithDefault("enabled")
        CompiledPlans compiledPlans();
    }

    enum CompiledPlans {
        ENABLED, DISABLED, VERIFY
    }

    interface EventStore {
        /** Connections of the event store's own pool. */
        @WithDefault("4")
        int poolSize();
    }
}

package io.factline.eventstore;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Relays the log's NOTIFY (sent by append_events on commit, from any instance) to the in-process
 * append signal, so followers wake at once instead of at their next poll.
 */
@ApplicationScoped
public class LogNotifications {

    private static final Logger LOG = Logger.getLogger(LogNotifications.class);

    @Inject
    Vertx vertx;
    @Inject
    AppendSignal signal;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(""));
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel("factline_events").handler(payload -> signal.signal());
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("listening to factline_events"),
                failure -> LOG.warnf("not listening to log notifications (%s); followers poll instead", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}

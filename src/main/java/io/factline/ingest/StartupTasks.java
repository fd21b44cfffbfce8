package io.factline.ingest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.factline.config.FactlineConfig;
import io.factline.domain.EventMetadata;
import io.factline.log.EventLog;
import io.factline.projection.ReadModelProjector;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * On start: bring the reference data into the log, then ingest the seeds, then wait for the views
 * to show the log as it then stands. Runs in the background; the service reports ready only once
 * it is done, so a ready service serves its seeds with their facts.
 */
@ApplicationScoped
@Readiness
public class StartupTasks implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    @Inject
    ReferenceData referenceData;
    @Inject
    SeedLoader seeds;
    @Inject
    ReadModelProjector projector;
    @Inject
    EventLog log;
    @Inject
    FactlineConfig config;

    private volatile boolean done;
    private volatile String failure;

    void onStart(@Observes StartupEvent event) {
        run(Duration.ofSeconds(2)).subscribe().with(ok -> {
            failure = null;
            done = true;
        }, f -> {
            failure = f.getMessage();
            LOG.error("start-up tasks failed; the service stays not ready", f);
        });
    }

    // Never gives up: the database may still be coming up or be away a while, and a long log takes the
    // views more than one wait to catch up (the projection lag shows them moving); ready once done.
    private Uni<Void> run(Duration retryDelay) {
        return referenceData.sync(EventMetadata.system("reference-data"))
                .chain(() -> config.seeds().enabled() ? seeds.load(EventMetadata.system("seed")).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> log.lastPosition())
                .onFailure().invoke(this::retrying)
                .onFailure().retry().withBackOff(retryDelay, Duration.ofSeconds(30)).indefinitely()
                .chain(last -> projector.awaitProjected(last, Duration.ofMinutes(1))
                        .onFailure().invoke(this::retrying)
                        .onFailure().retry().indefinitely());
    }

    private void retrying(Throwable problem) {
        failure = problem.getMessage();
        LOG.warnf("start-up tasks: %s; trying again", problem.getMessage());
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("reference data and seeds")
                .status(done)
                .withData("state", done ? "loaded" : failure != null ? "loading; last: " + failure : "loading")
                .build();
    }
}

package io.factline.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the projector cannot project (the database away, a view it cannot write): what
 * this instance would serve goes stale, so a load balancer should send readers elsewhere. Ready again
 * as soon as a batch goes through.
 */
@Readiness
@ApplicationScoped
public class ReadModelsHealth implements HealthCheck {

    @Inject
    ReadModelProjector projector;

    @Override
    public HealthCheckResponse call() {
        ReadModelProjector.Health health = projector.health();
        var response = HealthCheckResponse.named("read models").withData("position", health.position());
        if (health.failuresInARow() > 0) {
            return response.down().withData("failuresInARow", health.failuresInARow())
                    .withData("lastFailure", health.lastFailure()).build();
        }
        return response.up().build();
    }
}

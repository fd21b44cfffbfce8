package io.factline.api;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.factline.config.FactlineConfig;
import io.factline.projection.ReadModelProjector;
import io.smallrye.mutiny.Uni;

/**
 * Read-your-writes for commands: a write answers once the views include it, so the client can read
 * what it wrote at once. If they lag beyond the timeout, the write still stands and the answer says so.
 */
@ApplicationScoped
public class WriteConsistency {

    @Inject
    ReadModelProjector projector;
    @Inject
    FactlineConfig config;

    /** True once visible; false if the views did not reach the position in time. */
    public Uni<Boolean> visible(long position) {
        return projector.awaitProjected(position, config.api().writeVisibilityTimeout())
                .replaceWith(true)
                .onFailure(ReadModelProjector.ProjectionLagException.class).recoverWithItem(false);
    }
}

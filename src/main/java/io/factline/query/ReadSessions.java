package io.factline.query;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a Panache read in a reactive session of its own. GraphQL resolves sibling fields concurrently
 * on one Vert.x context, and a Hibernate Reactive session must never be shared between concurrent
 * operations (quarkus#32870, #21111): so each read gets a fresh duplicated context and its own session.
 */
final class ReadSessions {

    private ReadSessions() {
    }

    static <T> Uni<T> isolated(Supplier<Uni<T>> read) {
        return Uni.createFrom().emitter(emitter -> {
            Context current = Vertx.currentContext();
            if (current == null) {
                emitter.fail(new IllegalStateException("reads run on a Vert.x context"));
                return;
            }
            Context own = VertxContext.createNewDuplicatedContext(current);
            io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(own, true);
            own.runOnContext(ignored -> Panache.withSession(read).subscribe().with(emitter::complete, emitter::fail));
        });
    }
}

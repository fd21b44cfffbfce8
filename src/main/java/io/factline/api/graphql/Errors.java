package io.factline.api.graphql;

import java.util.function.Supplier;

import org.eclipse.microprofile.graphql.GraphQLException;

import io.factline.api.Failure;
import io.factline.api.FailureKind;
import io.smallrye.mutiny.Uni;

/** Resolvers' failures as GraphQL errors of the failure table's kinds; {@link ErrorCodes} gives each its code. */
final class Errors {

    private Errors() {
    }

    static <T> Uni<T> guarded(Supplier<Uni<T>> resolver) {
        return Uni.createFrom().<T>deferred(() -> resolver.get()).onFailure().transform(Errors::translate);
    }

    /** A failure of the client's making, with its message; ours and outages stay as they are (SmallRye hides their message). */
    static Throwable translate(Throwable failure) {
        if (failure instanceof BudgetExceeded) {
            return new Refused(FailureKind.TOO_COSTLY, failure.getMessage());
        }
        Failure classified = Failure.of(failure);
        return switch (classified.kind()) {
            case INTERNAL, UNAVAILABLE -> failure;
            default -> new Refused(classified.kind(), classified.detail());
        };
    }

    /** A failure of a kind the table codes. Checked, as GraphQLException is, so SmallRye shows its message. */
    static class Refused extends GraphQLException {
        final FailureKind kind;

        Refused(FailureKind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    /** Recorded, but the views do not show it yet. */
    static final class NotYetVisible extends Refused {
        NotYetVisible(String message) {
            super(FailureKind.NOT_YET_VISIBLE, message);
        }
    }

    /** Thrown where a resolver's results overspend the request's budget (unchecked, to leave a lambda); TOO_COSTLY. */
    static class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message);
        }
    }
}

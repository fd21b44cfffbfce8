package io.factline.api.graphql;

import org.eclipse.microprofile.graphql.GraphQLException;

import io.factline.domain.ConflictException;
import io.factline.domain.ContentTooLargeException;
import io.factline.domain.InvalidFactException;
import io.factline.domain.MalformedRequestException;
import io.factline.domain.NotFoundException;
import io.factline.domain.StaleVersionException;
import io.factline.domain.UnsupportedContentException;
import io.smallrye.graphql.api.ErrorCode;
import io.factline.api.DataExceptions;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/** Domain failures as GraphQL errors, each with a code in {@code extensions.code}. */
final class Errors {

    private Errors() {
    }

    static <T> Uni<T> guarded(java.util.function.Supplier<Uni<T>> resolver) {
        return Uni.createFrom().<T>deferred(() -> resolver.get()).onFailure().transform(Errors::translate);
    }

    static Throwable translate(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof NotFoundException) {
            return new NotFound(message);
        }
        if (failure instanceof InvalidFactException || failure instanceof MalformedRequestException) {
            return new BadUserInput(message);
        }
        if (failure instanceof StaleVersionException) {
            return new VersionConflict(message);
        }
        if (failure instanceof ConflictException) {
            return new Conflict(message);
        }
        if (failure instanceof UnsupportedContentException) {
            return new UnsupportedContent(message);
        }
        if (failure instanceof BudgetExceeded) {
            return new TooCostly(message);
        }
        if (failure instanceof ContentTooLargeException) {
            return new TooLarge(message);
        }
        if (failure instanceof AuthenticationFailedException) {
            return new Unauthenticated("the bearer token was refused: expired, not signed by the configured key, "
                    + "from another issuer, or malformed");
        }
        if (failure instanceof UnauthorizedException) {
            return new Unauthenticated("this mutation needs a bearer token (JWT) carrying the role it requires");
        }
        if (failure instanceof ForbiddenException) {
            return new Forbidden(message);
        }
        PgException refused = DataExceptions.find(failure);
        if (refused != null) {
            return new BadUserInput("a value cannot be stored: " + refused.getErrorMessage());
        }
        return failure;
    }

    @ErrorCode("NOT_FOUND")
    static class NotFound extends GraphQLException {
        NotFound(String message) {
            super(message);
        }
    }

    @ErrorCode("BAD_USER_INPUT")
    static class BadUserInput extends GraphQLException {
        BadUserInput(String message) {
            super(message);
        }
    }

    @ErrorCode("VERSION_CONFLICT")
    static class VersionConflict extends GraphQLException {
        VersionConflict(String message) {
            super(message);
        }
    }

    @ErrorCode("CONFLICT")
    static class Conflict extends GraphQLException {
        Conflict(String message) {
            super(message);
        }
    }

    @ErrorCode("UNSUPPORTED_CONTENT")
    static class UnsupportedContent extends GraphQLException {
        UnsupportedContent(String message) {
            super(message);
        }
    }

    @ErrorCode("TOO_LARGE")
    static class TooLarge extends GraphQLException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Thrown where a resolver's results overspend the request's budget; reported as TOO_COSTLY. */
    static class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message);
        }
    }

    @ErrorCode("TOO_COSTLY")
    static class TooCostly extends GraphQLException {
        TooCostly(String message) {
            super(message);
        }
    }

    @ErrorCode("NOT_YET_VISIBLE")
    static class NotYetVisible extends GraphQLException {
        NotYetVisible(String message) {
            super(message);
        }
    }

    @ErrorCode("UNAUTHENTICATED")
    static class Unauthenticated extends GraphQLException {
        Unauthenticated(String message) {
            super(message);
        }
    }

    @ErrorCode("FORBIDDEN")
    static class Forbidden extends GraphQLException {
        Forbidden(String message) {
            super(message);
        }
    }
}

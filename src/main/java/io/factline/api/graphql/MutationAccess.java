package io.factline.api.graphql;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The role check of mutations. It runs inside the resolver (not as {@code @RolesAllowed}) so that
 * refusals reach clients with the same error codes as every other failure: UNAUTHENTICATED for a
 * missing, expired or foreign token, FORBIDDEN for a token without the role.
 */
@ApplicationScoped
class MutationAccess {

    @Inject
    CurrentIdentityAssociation identities;

    <T> Uni<T> guarded(String role, Function<SecurityIdentity, Uni<T>> resolver) {
        return Errors.guarded(() -> identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!identity.hasRole(role)) {
                throw new ForbiddenException("this mutation needs the role " + role);
            }
            return resolver.apply(identity);
        }));
    }
}

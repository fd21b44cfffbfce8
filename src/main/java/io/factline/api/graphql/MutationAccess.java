package io.factline.api.graphql;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.factline.api.Callers;
import io.factline.api.FailureKind;
import io.factline.domain.EventMetadata;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The role check of mutations. It runs inside the resolver (not as {@code @RolesAllowed}) so that
 * refusals reach clients with the same error codes as every other failure: UNAUTHENTICATED for a
 * missing token, FORBIDDEN for a token without the role. The resolver gets the metadata of the
 * events it appends: the caller's subject and the request's correlation id.
 */
@ApplicationScoped
class MutationAccess {

    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    Callers callers;

    <T> Uni<T> guarded(String role, Function<EventMetadata, Uni<T>> resolver) {
        // taken now, on the request's thread: the identity may be established later on another one
        // (a key fetched over https), where the request's correlation id is out of reach
        Function<SecurityIdentity, EventMetadata> metadata = callers.metadataOnceIdentified("graphql");
        return Errors.guarded(() -> identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().failure(new Errors.Refused(FailureKind.UNAUTHENTICATED,
                        "this mutation needs a bearer token (JWT) carrying the role it requires"));
            }
            if (!identity.hasRole(role)) {
                return Uni.createFrom().failure(new Errors.Refused(FailureKind.FORBIDDEN, "this mutation needs the role " + role));
            }
            return resolver.apply(metadata.apply(identity));
        }));
    }
}

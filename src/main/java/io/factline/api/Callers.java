package io.factline.api;

import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.factline.domain.EventMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** The metadata of the events a request appends: the token's subject and the request's correlation id. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;

    /** For REST resources: their role check has established the identity. */
    public EventMetadata metadata(String via) {
        return metadataOnceIdentified(via).apply(identity);
    }

    /**
     * For resolvers that establish the identity themselves (the injected one would have to block for
     * it): the correlation id is taken now, on the request's thread, for the metadata they make later.
     */
    public Function<SecurityIdentity, EventMetadata> metadataOnceIdentified(String via) {
        String correlationId = RequestCorrelation.of(request.getCurrent());
        return identity -> new EventMetadata(subject(identity), via, correlationId);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return "anonymous"; // only reads are anonymous; every write is guarded by a role
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}

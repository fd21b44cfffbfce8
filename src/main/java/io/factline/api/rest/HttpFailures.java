package io.factline.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.factline.eventstore.Outages;
import io.factline.api.RequestCorrelation;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures the resources never see, answered like every other error of the API, with a problem
 * body: a body announced over the server's hard limit is refused before it is read (bodies under it
 * and over the document limit get their 413 from the resource), and a failure outside a resource
 * (the database away while the request is being set up) is a 503 or a 500, never Quarkus's default
 * page. Refused credentials go on to the resources' own mapping.
 */
@ApplicationScoped
public class HttpFailures {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize hardLimit;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(HttpFailures::outsideResources);
        long limit = hardLimit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                RequestCorrelation.assign(context);
                JsonObject problem = new JsonObject()
                        .put("type", "/problems/too-large")
                        .put("title", "Content too large")
                        .put("status", 413)
                        .put("detail", "the body has " + length + " bytes; the server takes at most " + limit)
                        .put("instance", context.request().path());
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            context.next();
        });
    }

    private static void outsideResources(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || failure instanceof io.quarkus.security.AuthenticationFailedException
                || failure instanceof io.quarkus.security.UnauthorizedException || failure instanceof io.quarkus.security.ForbiddenException
                || failure == null && context.statusCode() < 500) {
            context.next();
            return;
        }
        boolean outage = Outages.isOutage(failure);
        RequestCorrelation.assign(context);
        JsonObject problem = new JsonObject()
                .put("type", outage ? "/problems/unavailable" : "/problems/internal-error")
                .put("title", outage ? "Service unavailable" : "Internal error")
                .put("status", outage ? 503 : 500)
                .put("detail", outage ? "the database cannot be reached just now; try again in a few seconds"
                        : "the request failed on our side; if it was a change, read the resource to see whether it was recorded")
                .put("instance", context.request().path());
        if (outage) {
            context.response().putHeader("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS));
        } else {
            LOG.error("request failed outside the resources: " + context.request().path(), failure);
        }
        context.response().setStatusCode(outage ? 503 : 500).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HttpFailures.class);
}

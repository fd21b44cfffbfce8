package io.factline.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.factline.api.Failure;
import io.factline.api.FailureKind;
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

    private static final Logger LOG = Logger.getLogger(HttpFailures.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize hardLimit;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(HttpFailures::outsideResources);
        long limit = hardLimit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                context.response().putHeader("Connection", "close");
                answer(context, new Failure(FailureKind.TOO_LARGE, "the body has " + length + " bytes; the server takes at most "
                        + limit));
                return;
            }
            context.next();
        });
    }

    private static void outsideResources(RoutingContext context) {
        Throwable cause = context.failure();
        Failure failure = Failure.outside(cause);
        boolean credentials = failure.kind().status() < 500; // refused: the resources' own mapping answers them
        if (context.response().ended() || credentials || cause == null && context.statusCode() < 500) {
            context.next();
            return;
        }
        if (failure.kind() == FailureKind.INTERNAL) {
            LOG.error("request failed outside the resources: " + context.request().path(), cause);
        }
        answer(context, failure);
    }

    /** A problem document from a route handler, before or outside the resources. */
    static void answer(RoutingContext context, Failure failure) {
        RequestCorrelation.assign(context);
        FailureKind kind = failure.kind();
        JsonObject problem = new JsonObject().put("type", kind.type()).put("title", failure.title()).put("status", kind.status())
                .put("detail", failure.detail()).put("instance", context.request().path());
        kind.headers().forEach(context.response()::putHeader);
        context.response().setStatusCode(kind.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }
}

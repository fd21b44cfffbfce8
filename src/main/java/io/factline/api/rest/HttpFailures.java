package io.factline.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.factline.api.RequestCorrelation;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A body announced over the server's hard limit is refused before it is read, like Quarkus does,
 * but with a problem body, like every other error of the API. (Bodies under the hard limit and
 * over the document limit get their 413 from the resource.)
 */
@ApplicationScoped
public class HttpFailures {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize hardLimit;

    void install(@Observes Router router) {
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
}

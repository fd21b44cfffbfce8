package io.factline.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request a correlation id: the caller's {@code X-Correlation-Id} when it is a
 * plausible id, a new UUID otherwise. It is echoed in the response, put in the log context (so
 * JSON logs carry it) and recorded in the metadata of every event the request appends.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "factline.correlation-id";
    public static final String LOG_KEY = "correlationId";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Filters filters) {
        filters.register(RequestCorrelation::tag, 1000); // before everything else, CORS included
    }

    private static void tag(RoutingContext request) {
        assign(request);
        request.next();
    }

    /** Gives the request its correlation id, once; for handlers that answer before the filters run. */
    public static void assign(RoutingContext request) {
        if (request.get(KEY) != null) {
            return;
        }
        String offered = request.request().getHeader(HEADER);
        String id = offered != null && PLAUSIBLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.put(KEY, id);
        request.response().putHeader(HEADER, id);
        MDC.put(LOG_KEY, id);
        request.addEndHandler(ignored -> MDC.remove(LOG_KEY));
    }

    /** The request's correlation id, or a fresh one outside a request. */
    public static String of(RoutingContext request) {
        String id = request == null ? null : request.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}

package io.factline.eventstore;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

/**
 * A failure that means the database is away (refused, closed, shutting down, out of connections)
 * rather than a fault of the request or of the service: answered 503 with Retry-After (GraphQL:
 * UNAVAILABLE), however it is wrapped.
 */
public final class Outages {

    /** How long a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && (pg.getSqlState().startsWith("08")
                    || pg.getSqlState().startsWith("57P") || pg.getSqlState().equals("53300"))) {
                return true;
            }
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.endsWith("ClosedConnectionException") || name.endsWith("ConnectTimeoutException")
                    || name.endsWith("NoStackTraceTimeoutException")
                    || message.contains("Connection refused") || message.contains("Connection is closed")
                    || message.contains("Pool closed") || message.contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }
}

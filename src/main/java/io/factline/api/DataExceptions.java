package io.factline.api;

import io.vertx.pgclient.PgException;

/**
 * A value the database refused (SQLSTATE class 22, "data exception"), e.g. a NUL character in a
 * text: the request's fault, not the service's, wherever it surfaces and however it is wrapped.
 */
public final class DataExceptions {

    private DataExceptions() {
    }

    public static PgException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return pg;
            }
        }
        return null;
    }
}

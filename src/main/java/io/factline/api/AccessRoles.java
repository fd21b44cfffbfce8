package io.factline.api;

/** The roles a token must carry to write; reads need none unless configured to. */
public final class AccessRoles {

    /** Submits documents. */
    public static final String INGEST = "ingest";
    /** Asserts, corrects and retracts facts. */
    public static final String CURATE = "curate";
    /** Rebuilds views and re-extracts documents. */
    public static final String ADMIN = "admin";

    private AccessRoles() {
    }
}

package io.factline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.factline.api.FailureKind;

/**
 * Automatic persisted queries, Apollo's convention: a request may name its query by
 * {@code extensions.persistedQuery = {version: 1, sha256Hash}} alone; a hash not known here is
 * answered {@code PERSISTED_QUERY_NOT_FOUND}, and the client sends the query with its hash once, which
 * is kept. Lets front ends send short requests, and GET queries whose URL an HTTP cache can keep.
 * Kept per instance, the most recently used first: a replica that has not seen a hash asks for it.
 */
final class PersistedQueries {

    static final String NOT_FOUND = "PersistedQueryNotFound"; // the message Apollo's clients look for
    private static final int KEPT = 2_000;
    private static final int LONGEST_KEPT = 20_000;
    private static final long MOST_CHARACTERS_KEPT = 4_000_000; // about 8 MB of query text

    private long characters;
    private final Map<String, String> queries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            if (size() > KEPT || characters > MOST_CHARACTERS_KEPT) {
                characters -= eldest.getValue().length();
                return true;
            }
            return false;
        }
    };

    /** The request with its query: given (its hash checked) or found by hash; else why not. */
    GraphQLRequest resolve(GraphQLRequest request) {
        JsonNode persisted = request.persistedQuery();
        if (persisted == null) {
            return request;
        }
        String unfit = form(persisted);
        if (unfit != null) {
            return GraphQLRequest.refused(FailureKind.NOT_A_GRAPHQL_REQUEST, unfit);
        }
        String hash = hashOf(request);
        if (request.query() != null) {
            return hash.equals(sha256(request.query())) ? request : GraphQLRequest.refused(FailureKind.NOT_A_GRAPHQL_REQUEST,
                    "provided sha does not match query: extensions.persistedQuery.sha256Hash is the SHA-256 of the query's "
                            + "UTF-8 bytes, in hex");
        }
        String known;
        synchronized (queries) {
            known = queries.get(hash);
        }
        return known == null ? GraphQLRequest.refused(FailureKind.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND) : request.withQuery(known);
    }

    /** Keeps an admitted request's query under its hash, where it came with both. */
    void remember(GraphQLRequest admitted) {
        if (admitted.persistedQuery() == null || admitted.query() == null || admitted.query().length() > LONGEST_KEPT) {
            return;
        }
        synchronized (queries) {
            String before = queries.put(hashOf(admitted), admitted.query());
            characters += admitted.query().length() - (before == null ? 0 : before.length());
        }
    }

    private static String hashOf(GraphQLRequest request) {
        return request.persistedQuery().get("sha256Hash").textValue().toLowerCase(Locale.ROOT);
    }

    private static String form(JsonNode persisted) {
        if (!persisted.isObject()) {
            return "extensions.persistedQuery is an object: {version: 1, sha256Hash}";
        }
        JsonNode version = persisted.get("version");
        if (version == null || !version.isInt() || version.intValue() != 1) {
            return "PersistedQueryNotSupported: extensions.persistedQuery.version is 1";
        }
        JsonNode hash = persisted.get("sha256Hash");
        if (hash == null || !hash.isTextual() || !hash.textValue().matches("[0-9a-fA-F]{64}")) {
            return "extensions.persistedQuery.sha256Hash is 64 hexadecimal digits (SHA-256)";
        }
        return null;
    }

    static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

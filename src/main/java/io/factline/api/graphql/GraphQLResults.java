package io.factline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a GraphQL result. A query over GET (which front ends send by persisted-query hash, so its
 * URL is short and stable) is cacheable HTTP: it carries an ETag of its bytes and
 * {@code Cache-Control: no-cache}, so a cache or browser may keep it but asks again each time, and
 * gets 304 without the body while the answer is unchanged (facts change with every ingestion: no
 * answer is fresh for a fixed time). {@code private} where reads need a token.
 */
public final class GraphQLResults {

    private GraphQLResults() {
    }

    public static void send(RoutingContext context, int status, String contentType, String body, boolean readsNeedToken) {
        if (status == 200 && context.request().method().name().equals("GET")) {
            String etag = etag(contentType, body);
            context.response().putHeader("ETag", etag).putHeader("Cache-Control", (readsNeedToken ? "private" : "public") + ", no-cache")
                    .putHeader("Vary", "Accept, Authorization");
            String unlessMatching = context.request().getHeader("If-None-Match");
            if (unlessMatching != null && matches(unlessMatching, etag)) {
                context.response().setStatusCode(304).end();
                return;
            }
        }
        context.response().setStatusCode(status).putHeader("Content-Type", contentType).end(Buffer.buffer(body, "UTF-8"));
    }

    /** Of the media type and the bytes; weak, since the same bytes may travel gzipped or not. */
    private static String etag(String contentType, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(contentType.getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(body.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque) || tag.startsWith("W/") && tag.substring(2).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}

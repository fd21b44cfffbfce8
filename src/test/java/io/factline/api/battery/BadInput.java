package io.factline.api.battery;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad request and the answer it must get: its class (what kind of badness), a name, the request
 * (placeholders {doc}, {fact} and {uniq} are filled in when it runs), and the expected status with the
 * problem type (REST, "/problems/…") or the GraphQL error code ({@code extensions.code}).
 */
record BadInput(String kind, String name, String method, String path, Map<String, String> headers, String body,
                byte[] rawBody, int status, String expected, boolean graphql) {

    String id() {
        return kind + " / " + name;
    }

    byte[] bytes(Map<String, String> values) {
        if (rawBody != null) {
            return rawBody;
        }
        return body == null ? null : fill(body, values).getBytes(StandardCharsets.UTF_8);
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    /** Builds cases of one class. */
    static final class Builder {
        private final String kind;
        private final boolean graphql;
        private String method = "POST";
        private String path;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Builder(String kind, boolean graphql) {
            this.kind = kind;
            this.graphql = graphql;
        }

        Builder at(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Builder header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        Builder copy(String otherKind) {
            Builder b = new Builder(otherKind, graphql);
            b.method = method;
            b.path = path;
            b.headers.putAll(headers);
            return b;
        }

        BadInput body(String name, String body, int status, String expected) {
            return new BadInput(kind, name, method, path, Map.copyOf(headers), body, null, status, expected, graphql);
        }

        BadInput raw(String name, byte[] body, int status, String expected) {
            return new BadInput(kind, name, method, path, Map.copyOf(headers), null, body, status, expected, graphql);
        }

        BadInput get(String name, String pathAndQuery, int status, String expected) {
            return new BadInput(kind, name, "GET", pathAndQuery, Map.copyOf(headers), null, null, status, expected, graphql);
        }

        BadInput request(String name, String method, String pathAndQuery, String body, int status, String expected) {
            return new BadInput(kind, name, method, pathAndQuery, Map.copyOf(headers), body, null, status, expected, graphql);
        }
    }
}

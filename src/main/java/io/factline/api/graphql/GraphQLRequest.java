package io.factline.api.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.factline.api.FailureKind;
import io.factline.api.StrictJson;
import io.factline.api.graphql.GraphQLAnswers.Refusal;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * What a request to /graphql carries: a POST a bare query (application/graphql) or one JSON object
 * whose {@code query} is a text, {@code operationName} a text or absent, {@code variables} and
 * {@code extensions} objects or absent; a GET the same as query parameters, variables and extensions
 * as JSON texts. The query may be left out where {@code extensions.persistedQuery} names it by hash
 * ({@link PersistedQueries}). Anything else is no GraphQL request: {@code refusal} says why
 * (BAD_REQUEST), and the rest is null.
 */
public record GraphQLRequest(String query, String operationName, JsonNode variables, JsonNode extensions, boolean get,
        Refusal refusal) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StrictJson.MAX_DEPTH).build());
    }

    static GraphQLRequest read(String contentType, Buffer body) {
        String media = mediaType(contentType);
        if (media.equals("application/graphql")) {
            return new GraphQLRequest(body == null ? "" : body.toString(), null, null, null, false, null);
        }
        if (!media.equals("application/json")) {
            return refused(FailureKind.UNSUPPORTED_MEDIA_TYPE, "a GraphQL request is sent as application/json (or a bare "
                    + "query as application/graphql), not " + (contentType == null ? "without a Content-Type" : contentType));
        }
        JsonNode request;
        try {
            request = body == null || body.length() == 0 ? null : JSON.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            return refused(FailureKind.NOT_A_GRAPHQL_REQUEST, "the body is no JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused(FailureKind.NOT_A_GRAPHQL_REQUEST, "the body cannot be read");
        }
        String unfit = envelope(request);
        if (unfit != null) {
            return refused(FailureKind.NOT_A_GRAPHQL_REQUEST, unfit);
        }
        return of(request, false);
    }

    /** A GET's query parameters, each given once; variables and extensions are JSON texts of objects. */
    static GraphQLRequest read(MultiMap parameters) {
        ObjectNode request = JSON.createObjectNode();
        for (String name : new String[]{"query", "operationName", "variables", "extensions"}) {
            List<String> values = parameters.getAll(name);
            if (values.size() > 1) {
                return refused(FailureKind.NOT_A_GRAPHQL_REQUEST, "the parameter " + name + " is given " + values.size() + " times");
            }
            if (values.isEmpty() || values.get(0).isEmpty()) {
                continue;
            }
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    request.set(name, JSON.readTree(values.get(0)));
                } catch (JsonProcessingException e) {
                    return refused(FailureKind.NOT_A_GRAPHQL_REQUEST, "the parameter " + name + " is no JSON: " + e.getOriginalMessage());
                }
            } else {
                request.put(name, values.get(0));
            }
        }
        String unfit = envelope(request);
        return unfit != null ? refused(FailureKind.NOT_A_GRAPHQL_REQUEST, unfit) : of(request, true);
    }

    private static GraphQLRequest of(JsonNode request, boolean get) {
        JsonNode query = request.get("query");
        JsonNode name = request.get("operationName");
        JsonNode extensions = request.get("extensions");
        return new GraphQLRequest(query == null || query.isNull() ? null : query.textValue(),
                name == null || name.isNull() ? null : name.textValue(), request.get("variables"),
                extensions == null || extensions.isNull() ? null : extensions, get, null);
    }

    /** The same request with its query, where it came by hash alone. */
    GraphQLRequest withQuery(String text) {
        return new GraphQLRequest(text, operationName, variables, extensions, get, refusal);
    }

    /** The hash of {@code extensions.persistedQuery}, where the request has one (its form is checked by PersistedQueries). */
    JsonNode persistedQuery() {
        return extensions == null ? null : extensions.get("persistedQuery");
    }

    /**
     * The media type of a Content-Type, lower case; "" where there is none or it names two. GraphiQL's
     * fetcher sends {@code application/json, application/json} (its default header and the one it is
     * given, joined): the same type twice is that type.
     */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        String media = null;
        for (String part : contentType.split(",")) {
            String type = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (media != null && !media.equals(type)) {
                return "";
            }
            media = type;
        }
        return media == null ? "" : media;
    }

    /** The variables as graphql-java takes them, to be coerced to the types the operation declares. */
    public Map<String, Object> variableValues() {
        return JSON.convertValue(variables, VALUES);
    }

    /** No request to run: why, as a refusal. */
    static GraphQLRequest refused(FailureKind kind, String message) {
        return new GraphQLRequest(null, null, null, null, false, new Refusal(kind, message, null));
    }

    /** Why the JSON is no GraphQL request, or null. */
    private static String envelope(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "the body is a JSON object: {query, operationName, variables, extensions}";
        }
        JsonNode query = request.get("query");
        JsonNode extensions = request.get("extensions");
        boolean byHash = extensions != null && extensions.isObject() && extensions.has("persistedQuery");
        if ((query == null || query.isNull()) && !byHash) {
            return "the request has no query";
        }
        if (query != null && !query.isNull() && !query.isTextual()) {
            return "query is a text (the GraphQL document), not " + kind(query);
        }
        for (String optional : new String[]{"operationName", "variables", "extensions"}) {
            JsonNode value = request.get(optional);
            boolean fits = value == null || value.isNull() || (optional.equals("operationName") ? value.isTextual() : value.isObject());
            if (!fits) {
                return optional + " is " + (optional.equals("operationName") ? "a text" : "an object") + " or absent, not " + kind(value);
            }
        }
        return null;
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "a list" : value.isNumber() ? "a number"
                : value.isBoolean() ? "true or false" : value.isTextual() ? "a text" : "null";
    }
}

package io.factline.api.graphql;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.factline.api.FailureKind;
import io.factline.api.StrictJson;
import io.factline.api.graphql.GraphQLAnswers.Refusal;
import io.vertx.core.buffer.Buffer;

/**
 * What a POST to /graphql carries: a bare query (application/graphql), or one JSON object whose
 * {@code query} is a text, {@code operationName} a text or absent, {@code variables} and
 * {@code extensions} objects or absent. Anything else is no GraphQL request: {@code refusal} says why
 * (BAD_REQUEST), and the rest is null.
 */
public record GraphQLRequest(String query, String operationName, JsonNode variables, Refusal refusal) {

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
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (media.equals("application/graphql")) {
            return new GraphQLRequest(body == null ? "" : body.toString(), null, null, null);
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
        JsonNode name = request.get("operationName");
        return new GraphQLRequest(request.get("query").textValue(), name == null || name.isNull() ? null : name.textValue(),
                request.get("variables"), null);
    }

    /** The variables as graphql-java takes them, to be coerced to the types the operation declares. */
    public Map<String, Object> variableValues() {
        return JSON.convertValue(variables, VALUES);
    }

    private static GraphQLRequest refused(FailureKind kind, String message) {
        return new GraphQLRequest(null, null, null, new Refusal(kind, message, null));
    }

    /** Why the JSON is no GraphQL request, or null. */
    private static String envelope(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "the body is a JSON object: {query, operationName, variables, extensions}";
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return "the request has no query";
        }
        if (!query.isTextual()) {
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

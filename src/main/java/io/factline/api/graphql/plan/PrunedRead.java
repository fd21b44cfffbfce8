package io.factline.api.graphql.plan;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.factline.api.graphql.plan.Plan.Selected;

/**
 * Reads a stored fact document as Jackson's {@code readTree} would, but only the members a selection
 * reads: every other member is skipped by the streaming parser, unbuilt. The members kept are the very
 * nodes {@code readTree} builds (text, int, long, big integer, double, boolean, null, objects and lists),
 * and a member given twice keeps its last value, as there. The document's {@code id} and {@code date}
 * are always kept: the cursor is made of them.
 */
final class PrunedRead {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The members to keep of an object, each with what to keep below it (null: the whole value). */
    static final class Need {
        final Map<String, Need> members = new HashMap<>();
    }

    private PrunedRead() {
    }

    /** What the fact selection reads of a document: its fields by name (aliases merged), and the cursor's. */
    static Need ofFact(List<Selected> selection) {
        Need need = new Need();
        add(need, selection);
        need.members.put("id", null);
        need.members.put("date", null);
        return need;
    }

    private static void add(Need need, List<Selected> selection) {
        for (Selected field : selection) {
            if (field.name().equals("__typename")) {
                continue;
            }
            if (field.below().isEmpty()) {
                if (!need.members.containsKey(field.name())) {
                    need.members.put(field.name(), null);
                }
                continue;
            }
            if (need.members.containsKey(field.name()) && need.members.get(field.name()) == null) {
                continue; // already kept whole
            }
            add(need.members.computeIfAbsent(field.name(), k -> new Need()), field.below());
        }
    }

    /** The document as {@code readTree} reads it, pruned to {@code need}. */
    static JsonNode read(String doc, Need need) {
        try (JsonParser parser = FACTORY.createParser(doc)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalStateException("an empty fact document");
            }
            return value(parser, token, need);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable fact document: " + e.getMessage(), e);
        }
    }

    /** The value at the current token; objects pruned to {@code need} where given (lists: each element). */
    private static JsonNode value(JsonParser parser, JsonToken token, Need need) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken v = parser.nextToken();
                    if (need != null && !need.members.containsKey(name)) {
                        parser.skipChildren();
                        continue;
                    }
                    object.set(name, value(parser, v, need == null ? null : need.members.get(name)));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode list = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t, need));
                }
                return list;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected " + token + " in a fact document");
        }
    }
}

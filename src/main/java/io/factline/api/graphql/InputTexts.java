package io.factline.api.graphql;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import graphql.language.Document;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import io.factline.domain.Texts;

/**
 * The values a GraphQL request carries, checked before it runs: every text (literal or variable) is
 * text — no control character, no half of a surrogate pair — and every whole number given for an
 * {@code Int} fits one. Each refusal names where the value is.
 */
final class InputTexts {

    private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

    private InputTexts() {
    }

    /** Why the document's literals cannot be taken, or null. */
    static String inLiterals(Document document) {
        Deque<Node<?>> nodes = new ArrayDeque<>();
        nodes.push(document);
        while (!nodes.isEmpty()) {
            Node<?> node = nodes.pop();
            if (node instanceof StringValue s) {
                String unfit = Texts.unfit(s.getValue());
                if (unfit != null) {
                    return "a text at " + where(node) + " holds " + unfit;
                }
            } else if (node instanceof IntValue i && (i.getValue().compareTo(MAX_INT) > 0 || i.getValue().compareTo(MIN_INT) < 0)) {
                return i.getValue() + " at " + where(node) + " is out of range for Int (" + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE + ")";
            }
            for (Node<?> child : node.getChildren()) {
                nodes.push(child);
            }
        }
        return null;
    }

    /** Why the variables cannot be taken, or null. */
    static String inVariables(Document document, JsonNode variables) {
        if (variables == null || !variables.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            String unfit = texts(v.getValue(), "$" + v.getKey());
            if (unfit != null) {
                return unfit;
            }
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                JsonNode value = variables.get(definition.getName());
                String wrong = value == null || value.isNull() ? null : scalarMismatch(definition.getType(), value);
                if (wrong != null) {
                    return "$" + definition.getName() + " " + wrong;
                }
            }
        }
        return null;
    }

    /** Why a variable's JSON value is no value of its built-in scalar type, or null (other types: GraphQL checks). */
    private static String scalarMismatch(Type<?> type, JsonNode value) {
        Type<?> t = type instanceof NonNullType n ? n.getType() : type;
        if (!(t instanceof TypeName name)) {
            return null;
        }
        return switch (name.getName()) {
            case "Int" -> !value.isIntegralNumber() ? "is an Int (a whole number), not " + value
                    : !value.canConvertToInt() ? "is " + value.bigIntegerValue() + ", out of range for Int ("
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")" : null;
            case "Float" -> value.isNumber() ? null : "is a Float (a number), not " + value;
            case "String" -> value.isTextual() ? null : "is a String (a JSON string), not " + value;
            case "Boolean" -> value.isBoolean() ? null : "is a Boolean (true or false), not " + value;
            case "ID" -> value.isTextual() || value.isIntegralNumber() ? null : "is an ID (a string), not " + value;
            default -> null;
        };
    }

    private static String texts(JsonNode value, String path) {
        if (value.isTextual()) {
            String unfit = Texts.unfit(value.textValue());
            return unfit == null ? null : path + " holds " + unfit;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String unfit = texts(value.get(i), path + "[" + i + "]");
                if (unfit != null) {
                    return unfit;
                }
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String unfit = Texts.unfit(field.getKey());
                if (unfit != null) {
                    return "a field name in " + path + " holds " + unfit;
                }
                unfit = texts(field.getValue(), path + "." + field.getKey());
                if (unfit != null) {
                    return unfit;
                }
            }
        }
        return null;
    }

    private static String where(Node<?> node) {
        return node.getSourceLocation() == null ? "?" : "line " + node.getSourceLocation().getLine() + ", column "
                + node.getSourceLocation().getColumn();
    }
}

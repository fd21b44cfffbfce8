package io.factline.api.graphql.plan;

import java.math.BigDecimal;

/**
 * Writes JSON as SmallRye's answers are written (Parsson's {@code JsonObject.toString()}): no spaces;
 * in strings {@code "} and {@code \} escaped, the control characters as {@code \\b \\t \\n \\f \\r} or
 * {@code \\u00xx} (lower-case hex), everything else as it is; a Float as {@code BigDecimal.valueOf}
 * prints it ({@code 1.0}, {@code 0.00010}).
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** Whether the object or list being written already has a member: the next one needs a comma. */
    private boolean[] hasMember = new boolean[32];
    private int depth;

    JsonText(int capacity) {
        out = new StringBuilder(capacity);
    }

    JsonText beginObject() {
        value();
        out.append('{');
        open();
        return this;
    }

    JsonText endObject() {
        depth--;
        out.append('}');
        return this;
    }

    JsonText beginList() {
        value();
        out.append('[');
        open();
        return this;
    }

    JsonText endList() {
        depth--;
        out.append(']');
        return this;
    }

    /** A member's name, a GraphQL name (letters, digits, underscores: nothing to escape); its value follows. */
    JsonText name(String name) {
        if (hasMember[depth]) {
            out.append(',');
        }
        hasMember[depth] = true;
        out.append('"').append(name).append('"');
        out.append(':');
        nameWritten = true;
        return this;
    }

    JsonText string(String value) {
        value();
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        return this;
    }

    /** A string whose characters need no escape, written as they are. */
    JsonText rawString(String text, int from, int to) {
        value();
        out.append('"').append(text, from, to).append('"');
        return this;
    }

    JsonText nullValue() {
        value();
        out.append("null");
        return this;
    }

    JsonText number(long value) {
        value();
        out.append(value);
        return this;
    }

    JsonText floatNumber(double value) {
        value();
        out.append(BigDecimal.valueOf(value).toString());
        return this;
    }

    JsonText bool(boolean value) {
        value();
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private boolean nameWritten;

    /** Before a value: a comma if it is not a member's (after its name) and not the first of its list. */
    private void value() {
        if (nameWritten) {
            nameWritten = false;
            return;
        }
        if (depth > 0) {
            if (hasMember[depth]) {
                out.append(',');
            }
            hasMember[depth] = true;
        }
    }

    private void open() {
        depth++;
        if (depth == hasMember.length) {
            hasMember = java.util.Arrays.copyOf(hasMember, depth * 2);
        }
        hasMember[depth] = false;
    }

    static void string(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(value, plain, length).append('"');
    }
}

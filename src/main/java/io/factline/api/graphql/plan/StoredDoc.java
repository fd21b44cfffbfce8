package io.factline.api.graphql.plan;

import java.util.Arrays;

import io.factline.api.graphql.plan.Plan.NotAnswered;

/**
 * A stored fact document indexed in one pass over its JSON text, without a tree: each value's kind and
 * span, members by name, lists by position. Strings without escapes are written out as the very
 * characters stored (Jackson and {@link JsonText} escape alike, and a string with no backslash has
 * nothing to escape); the others are decoded and escaped again. A document that is not JSON fails with
 * {@link NotAnswered}, so graphql-java answers it. Values are numbered in document order, 0 the root.
 */
final class StoredDoc {

    static final byte OBJECT = 1;
    static final byte ARRAY = 2;
    static final byte STRING = 3;
    static final byte INTEGER = 4;
    static final byte DECIMAL = 5;
    static final byte TRUE = 6;
    static final byte FALSE = 7;
    static final byte NULL = 8;

    private final String text;
    private int size;
    private byte[] kind = new byte[64];
    /** The value's span; for strings, inside the quotes. */
    private int[] start = new int[64];
    private int[] end = new int[64];
    /** A member's name span (inside the quotes); -1 for a list element or the root. */
    private int[] nameStart = new int[64];
    private int[] nameEnd = new int[64];
    /** The first value inside an object or list, -1 if none; the next value beside this one, -1 if none. */
    private int[] first = new int[64];
    private int[] next = new int[64];
    /** Strings (and names) holding a backslash: decoded before they are compared or written. */
    private boolean[] escaped = new boolean[64];
    private boolean[] nameEscaped = new boolean[64];
    private int at;

    private StoredDoc(String text) {
        this.text = text;
    }

    static StoredDoc of(String text) {
        StoredDoc doc = new StoredDoc(text);
        doc.skipSpace();
        doc.value(-1, -1, false);
        doc.skipSpace();
        if (doc.at != text.length()) {
            throw doc.malformed();
        }
        return doc;
    }

    byte kind(int value) {
        return kind[value];
    }

    int first(int container) {
        return first[container];
    }

    int next(int value) {
        return next[value];
    }

    /** The value of an object's member (the last, where the name is given twice), or -1 where it has none. */
    int member(int object, String name) {
        int found = -1;
        for (int v = first[object]; v != -1; v = next[v]) {
            int length = nameEnd[v] - nameStart[v];
            if (nameEscaped[v] ? decode(nameStart[v], nameEnd[v]).equals(name)
                    : length == name.length() && text.regionMatches(nameStart[v], name, 0, length)) {
                found = v;
            }
        }
        return found;
    }

    String string(int value) {
        return escaped[value] ? decode(start[value], end[value]) : text.substring(start[value], end[value]);
    }

    /** The string as {@link JsonText#string} would write it. */
    void writeString(JsonText out, int value) {
        if (escaped[value]) {
            out.string(decode(start[value], end[value]));
        } else {
            out.rawString(text, start[value], end[value]);
        }
    }

    /** An integer that fits an int, as Jackson's {@code isInt}; else graphql-java's to answer. */
    int intValue(int value) {
        int length = end[value] - start[value];
        if (kind[value] != INTEGER || length > 11) {
            throw new NotAnswered("no int");
        }
        long number;
        try {
            number = Long.parseLong(text, start[value], end[value], 10);
        } catch (NumberFormatException e) {
            throw new NotAnswered("no int");
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new NotAnswered("no int");
        }
        return (int) number;
    }

    double doubleValue(int value) {
        if (kind[value] != INTEGER && kind[value] != DECIMAL) {
            throw new NotAnswered("no number");
        }
        try {
            return Double.parseDouble(text.substring(start[value], end[value]));
        } catch (NumberFormatException e) {
            throw new NotAnswered("no number");
        }
    }

    private int value(int nameFrom, int nameTo, boolean nameHasEscape) {
        int index = add(nameFrom, nameTo, nameHasEscape);
        if (at >= text.length()) {
            throw malformed();
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> container(index, OBJECT, '}');
            case '[' -> container(index, ARRAY, ']');
            case '"' -> {
                kind[index] = STRING;
                escaped[index] = string();
                start[index] = stringStart;
                end[index] = stringEnd;
            }
            case 't' -> literal(index, "true", TRUE);
            case 'f' -> literal(index, "false", FALSE);
            case 'n' -> literal(index, "null", NULL);
            default -> number(index);
        }
        return index;
    }

    private void container(int index, byte type, char close) {
        kind[index] = type;
        start[index] = at++;
        skipSpace();
        int previous = -1;
        if (at < text.length() && text.charAt(at) == close) {
            at++;
        } else {
            while (true) {
                int child;
                if (type == OBJECT) {
                    if (at >= text.length() || text.charAt(at) != '"') {
                        throw malformed();
                    }
                    boolean nameHasEscape = string();
                    int from = stringStart;
                    int to = stringEnd;
                    skipSpace();
                    expect(':');
                    skipSpace();
                    child = value(from, to, nameHasEscape);
                } else {
                    child = value(-1, -1, false);
                }
                if (previous == -1) {
                    first[index] = child;
                } else {
                    next[previous] = child;
                }
                previous = child;
                skipSpace();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    skipSpace();
                    continue;
                }
                expect(close);
                break;
            }
        }
        end[index] = at;
    }

    private int stringStart;
    private int stringEnd;

    /** Reads a string at the quote; its content's span in stringStart/stringEnd. Whether it holds an escape. */
    private boolean string() {
        int i = at + 1;
        boolean hasEscape = false;
        int length = text.length();
        while (true) {
            if (i >= length) {
                throw malformed();
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                hasEscape = true;
                i += 2;
                continue;
            }
            if (c < 0x20) {
                throw malformed();
            }
            i++;
        }
        stringStart = at + 1;
        stringEnd = i;
        at = i + 1;
        return hasEscape;
    }

    private void literal(int index, String word, byte type) {
        if (!text.startsWith(word, at)) {
            throw malformed();
        }
        kind[index] = type;
        start[index] = at;
        at += word.length();
        end[index] = at;
    }

    private void number(int index) {
        int from = at;
        boolean decimal = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9' || c == '-') {
                at++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                decimal = true;
                at++;
            } else {
                break;
            }
        }
        if (at == from) {
            throw malformed();
        }
        kind[index] = decimal ? DECIMAL : INTEGER;
        start[index] = from;
        end[index] = at;
    }

    private int add(int nameFrom, int nameTo, boolean nameHasEscape) {
        if (size == kind.length) {
            int capacity = size * 2;
            kind = Arrays.copyOf(kind, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            nameStart = Arrays.copyOf(nameStart, capacity);
            nameEnd = Arrays.copyOf(nameEnd, capacity);
            first = Arrays.copyOf(first, capacity);
            next = Arrays.copyOf(next, capacity);
            escaped = Arrays.copyOf(escaped, capacity);
            nameEscaped = Arrays.copyOf(nameEscaped, capacity);
        }
        int index = size++;
        nameStart[index] = nameFrom;
        nameEnd[index] = nameTo;
        nameEscaped[index] = nameHasEscape;
        first[index] = -1;
        next[index] = -1;
        return index;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw malformed();
        }
        at++;
    }

    private String decode(int from, int to) {
        StringBuilder decoded = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                decoded.append(c);
                continue;
            }
            char escape = text.charAt(++i);
            switch (escape) {
                case '"', '\\', '/' -> decoded.append(escape);
                case 'b' -> decoded.append('\b');
                case 'f' -> decoded.append('\f');
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                case 'u' -> {
                    if (i + 4 >= to) {
                        throw malformed();
                    }
                    int code = 0;
                    for (int h = i + 1; h <= i + 4; h++) {
                        int digit = Character.digit(text.charAt(h), 16);
                        if (digit < 0) {
                            throw malformed();
                        }
                        code = code * 16 + digit;
                    }
                    decoded.append((char) code);
                    i += 4;
                }
                default -> throw malformed();
            }
        }
        return decoded.toString();
    }

    private NotAnswered malformed() {
        return new NotAnswered("a stored document that is not JSON, at character " + at);
    }
}

package io.factline.domain;

/** Checks for the short texts requests carry (ids, titles, summaries, reasons): printable, bounded. */
public final class Texts {

    private Texts() {
    }

    /** The value, or null if blank; refused if longer than {@code max} or holding what is no text. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFactException(field + " has " + value.length() + " characters; at most " + max);
        }
        String unfit = unfit(value);
        if (unfit != null) {
            throw new InvalidFactException(field + " holds " + unfit);
        }
        return value;
    }

    public static String required(String field, String value, int max) {
        String checked = optional(field, value, max);
        if (checked == null) {
            throw new InvalidFactException(field + " is required");
        }
        return checked;
    }

    /**
     * What makes this no text, or null when it is text: a control character other than tab and line
     * breaks, or half of a surrogate pair (which no encoding can store: it would come back as '?').
     */
    public static String unfit(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                return "a control character (U+" + hex(c) + ")";
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "a lone surrogate (U+" + hex(c) + "), half of a character";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}

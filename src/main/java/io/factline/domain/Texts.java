package io.factline.domain;

/** Checks for the short texts requests carry (ids, titles, summaries, reasons): printable, bounded. */
public final class Texts {

    private Texts() {
    }

    /** The value, or null if blank; refused if longer than {@code max} or holding control characters. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFactException(field + " has " + value.length() + " characters; at most " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                throw new InvalidFactException(field + " holds a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
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
}

package io.factline.api.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.factline.domain.FactType;
import io.factline.domain.InvalidFactException;
import io.factline.domain.MalformedRequestException;
import io.factline.domain.NotFoundException;
import io.factline.query.FactFilter;
import io.factline.query.Granularity;

/** Reads query and path parameters with clear errors: 400 for what cannot be read, 422 for a bad value. */
final class Params {

    private Params() {
    }

    static FactFilter filter(List<String> actors, List<String> topics, List<String> types, String from, String to,
                             String document, String q, String includeRetracted) {
        return new FactFilter(actors, topics, types(types), date("from", from), date("to", to),
                document == null || document.isBlank() ? null : uuid("document", document),
                q, bool("includeRetracted", includeRetracted));
    }

    static List<FactType> types(List<String> values) {
        List<FactType> types = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String one : value.split(",")) {
                    if (!one.isBlank()) {
                        types.add(enumValue("type", one, FactType.class));
                    }
                }
            }
        }
        return types;
    }

    static Granularity granularity(String value) {
        return value == null || value.isBlank() ? Granularity.YEAR : enumValue("granularity", value, Granularity.class);
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new MalformedRequestException(name + " is a date written 2021-06-30, not '" + value + "'");
        }
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!digits.matches("[-+]?\\d+")) {
            throw new MalformedRequestException(name + " is a whole number, not '" + value + "'");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidFactException(name + " is out of range: " + digits + " (whole numbers here lie between "
                    + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ")");
        }
    }

    /** A request body that must be there: an empty body or a JSON null is no request. */
    static <T> T body(T body, String what) {
        if (body == null) {
            throw new MalformedRequestException("the body is a JSON object, " + what);
        }
        return body;
    }

    static long position(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String digits = value.strip();
        if (!digits.matches("[-+]?\\d+")) {
            throw new MalformedRequestException(name + " is a log position (a whole number), not '" + value + "'");
        }
        try {
            long position = Long.parseLong(digits);
            if (position < 0) {
                throw new InvalidFactException(name + " is a log position, 0 or more");
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidFactException(name + " is out of range: " + digits + " (log positions lie below "
                    + Long.MAX_VALUE + ")");
        }
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new MalformedRequestException(name + " is true or false, not '" + value + "'");
        };
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(name + " is an id such as 2f1c…, not '" + value + "'");
        }
    }

    /** A slug in a path (actor, topic): one that cannot be a slug is simply one that does not exist. */
    static String slug(String what, String value) {
        if (value == null || value.length() > 200 || !value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new NotFoundException(what, value == null ? "" : value.replaceAll("\\p{Cntrl}", "?"));
        }
        return value;
    }

    /** An id in a path: one that cannot be an id is simply one that does not exist. */
    static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what, value);
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFactException(name + " is one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }
}

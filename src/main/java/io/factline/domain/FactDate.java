package io.factline.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a fact happened, as an interval with the precision it is known to: "June 2021" is
 * 2021-06-01..2021-06-30 at MONTH precision. {@code text} keeps the words the date came from.
 */
public record FactDate(LocalDate start, LocalDate end, DatePrecision precision, String text) {

    public static final int EARLIEST_YEAR = 1000;
    public static final int LATEST_YEAR = 2999;

    public FactDate {
        Objects.requireNonNull(precision, "precision");
        if (precision == DatePrecision.UNKNOWN) {
            if (start != null || end != null) {
                throw new InvalidFactException("a date of unknown precision has no start or end");
            }
        } else {
            if (start == null || end == null) {
                throw new InvalidFactException("a " + precision + " date needs a start and an end");
            }
            if (start.getYear() < EARLIEST_YEAR || end.getYear() > LATEST_YEAR) {
                throw new InvalidFactException("dates lie between the years " + EARLIEST_YEAR + " and " + LATEST_YEAR);
            }
            if (!start.equals(startOf(start, precision)) || !end.equals(endOf(start, precision))) {
                throw new InvalidFactException("a " + precision + " date spans exactly one " + precision.name().toLowerCase()
                        + ": " + start + ".." + end);
            }
        }
    }

    public static FactDate unknown(String text) {
        return new FactDate(null, null, DatePrecision.UNKNOWN, text);
    }

    public static FactDate day(LocalDate day, String text) {
        return of(day, DatePrecision.DAY, text);
    }

    public static FactDate of(LocalDate anyDayInside, DatePrecision precision, String text) {
        if (precision == DatePrecision.UNKNOWN) {
            return unknown(text);
        }
        return new FactDate(startOf(anyDayInside, precision), endOf(anyDayInside, precision), precision, text);
    }

    /**
     * Reads "2020", "2020-11" or "2020-11-12"; the precision follows the form unless one is given,
     * which must then be no finer than the form allows.
     */
    public static FactDate parse(String value, DatePrecision precision, String text) {
        if (value == null || value.isBlank()) {
            if (precision != null && precision != DatePrecision.UNKNOWN) {
                throw new InvalidFactException("a " + precision + " date needs a value such as 2020-11-12, or its start and end");
            }
            return unknown(text);
        }
        String v = value.strip();
        try {
            LocalDate day;
            DatePrecision form;
            if (v.matches("\\d{4}")) {
                day = LocalDate.of(Integer.parseInt(v), 1, 1);
                form = DatePrecision.YEAR;
            } else if (v.matches("\\d{4}-\\d{2}")) {
                day = YearMonth.parse(v).atDay(1);
                form = DatePrecision.MONTH;
            } else if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                day = LocalDate.parse(v);
                form = DatePrecision.DAY;
            } else {
                throw new InvalidFactException("a date is written 2020, 2020-11 or 2020-11-12, not '" + value + "'");
            }
            DatePrecision chosen = precision == null ? form : precision;
            if (chosen == DatePrecision.UNKNOWN) {
                throw new InvalidFactException("a date with a value cannot have UNKNOWN precision");
            }
            if (!form.atLeastAsFineAs(chosen)) {
                throw new InvalidFactException("'" + value + "' is not precise to the " + chosen.name().toLowerCase());
            }
            return of(day, chosen, text);
        } catch (DateTimeParseException e) {
            throw new InvalidFactException("not a date: '" + value + "'");
        }
    }

    /**
     * A date given as it is served: the interval and its precision, which must be exactly the interval
     * the precision implies (2021-05-01..2021-05-31 for MONTH); UNKNOWN has neither start nor end.
     */
    public static FactDate interval(LocalDate start, LocalDate end, DatePrecision precision, String text) {
        if (precision == null) {
            throw new InvalidFactException("date: start and end need their precision (DAY, MONTH or YEAR)");
        }
        if (precision == DatePrecision.UNKNOWN) {
            if (start != null || end != null) {
                throw new InvalidFactException("date: a date of UNKNOWN precision has no start or end");
            }
            return unknown(text);
        }
        if (start == null || end == null) {
            throw new InvalidFactException("date: a " + precision + " date needs both start and end");
        }
        FactDate implied = of(start, precision, text);
        if (!implied.start.equals(start) || !implied.end.equals(end)) {
            throw new InvalidFactException("date: start " + start + " and end " + end + " do not match precision "
                    + precision + ", which gives " + implied.start + ".." + implied.end);
        }
        return implied;
    }

    public boolean isKnown() {
        return precision != DatePrecision.UNKNOWN;
    }

    private static LocalDate startOf(LocalDate day, DatePrecision precision) {
        return switch (precision) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
            case UNKNOWN -> null;
        };
    }

    private static LocalDate endOf(LocalDate day, DatePrecision precision) {
        return switch (precision) {
            case DAY -> day;
            case MONTH -> YearMonth.from(day).atEndOfMonth();
            case YEAR -> day.withMonth(12).withDayOfMonth(31);
            case UNKNOWN -> null;
        };
    }
}

package io.factline.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactDate;
import io.factline.extract.DateFinder.DateMention;

/**
 * Dates that count from another: "today", "yesterday", "this morning", "on Sunday", "last week",
 * "last month", "earlier this month", "this year", "two years later", "in July", "last June". Those
 * that count from the moment of writing use the document's date; those that count from the story
 * ("the following year", "later that month", "two years later") use the narrative's.
 */
final class RelativeDates {

    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(?:(last|this|next|the following|the previous|the next|the same"
            + "|earlier this|later this|later that|earlier that|that same|that|late last|early last|earlier in the|later in the)\\s+(week|month|year)"
            + "|(yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening|earlier today)"
            + "|(?:on|last|this|next|this past)\\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "|(a|one|two|three|four|five) (year|month|week|day)s? (later|earlier|ago|before))\\b");
    private static final Pattern BARE_MONTH = Pattern.compile("\\b(in|last|this|since|until|by|early|late|mid-|In|Last|Since|By|Early|Late)\\s*"
            + "(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!,?\\s+\\d)");
    private static final Map<String, Integer> COUNT = Map.of("a", 1, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5);

    /** Adds the relative dates of s (at offset) to found, where they overlap nothing found already. */
    void find(String s, int offset, LocalDate reference, LocalDate narrative, List<DateMention> found) {
        Matcher m = RELATIVE.matcher(s);
        while (m.find()) {
            LocalDate base = anaphoric(m) ? (narrative != null ? narrative : reference) : (reference != null ? reference : narrative);
            FactDate date = inRange(base) ? safely(m, base) : null;
            if (DateFinder.overlapsNone(found, offset + m.start(), offset + m.end())) {
                // one that cannot be resolved still says the act has a date of its own, unknown here
                found.add(new DateMention(offset + m.start(), offset + m.end(), date != null ? date : FactDate.unknown(m.group()), true));
            }
        }
        LocalDate now = reference != null ? reference : narrative;
        if (!inRange(now)) {
            return;
        }
        Matcher b = BARE_MONTH.matcher(s);
        while (b.find()) { // "in July", "last June": the latest such month up to the document's date
            if (!DateFinder.overlapsNone(found, offset + b.start(2), offset + b.end(2))) {
                continue;
            }
            int month = DateFinder.MONTH_NUMBER.get(b.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
            YearMonth ym = YearMonth.of(now.getYear(), month);
            boolean last = b.group(1).equalsIgnoreCase("last");
            boolean ahead = b.group(1).equalsIgnoreCase("by") || b.group(1).equalsIgnoreCase("until");
            if (ahead) { // "withdraw troops by July": the next July, a target
                if (ym.isBefore(YearMonth.from(now))) {
                    ym = ym.plusYears(1);
                }
            } else if (ym.isAfter(YearMonth.from(now)) || last && ym.equals(YearMonth.from(now))) {
                ym = ym.minusYears(1);
            }
            if (ym.getYear() <= FactDate.EARLIEST_YEAR || ym.getYear() >= FactDate.LATEST_YEAR) {
                continue;
            }
            found.add(new DateMention(offset + b.start(2), offset + b.end(2), FactDate.of(ym.atDay(1), DatePrecision.MONTH, b.group(2)), true));
        }
    }

    /** A week is no precision of its own: its month when it lies in one, else its year. */
    private static FactDate week(LocalDate anyDay, String text) {
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        if (YearMonth.from(monday).equals(YearMonth.from(sunday))) {
            return FactDate.of(monday, DatePrecision.MONTH, text);
        }
        return monday.getYear() == sunday.getYear() ? FactDate.of(monday, DatePrecision.YEAR, text) : null;
    }

    private static boolean inRange(LocalDate day) {
        return day != null && day.getYear() > FactDate.EARLIEST_YEAR && day.getYear() < FactDate.LATEST_YEAR;
    }

    private static FactDate safely(Matcher m, LocalDate base) {
        try {
            FactDate date = resolve(m, base);
            return date != null && date.isKnown() && inRange(date.start()) ? date : null;
        } catch (io.factline.domain.InvalidFactException | java.time.DateTimeException outOfRange) {
            return null; // "five years later" near the end of the years a date may hold
        }
    }

    private static boolean anaphoric(Matcher m) {
        if (m.group(1) != null) {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            return which.startsWith("the ") || which.contains("that") || which.contains("in the");
        }
        return m.group(7) != null && !m.group(7).equalsIgnoreCase("ago");
    }

    private static FactDate resolve(Matcher m, LocalDate ref) {
        String text = m.group();
        if (m.group(2) != null) {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            int shift = switch (which) {
                case "last", "the previous", "late last", "early last" -> -1;
                case "next", "the following", "the next" -> 1;
                default -> 0;
            };
            return switch (unit) {
                case "year" -> FactDate.of(ref.plusYears(shift), DatePrecision.YEAR, text);
                case "month" -> FactDate.of(ref.plusMonths(shift), DatePrecision.MONTH, text);
                default -> week(ref.plusWeeks(shift), text);
            };
        }
        if (m.group(3) != null) {
            String word = m.group(3).toLowerCase(Locale.ROOT);
            int shift = switch (word) {
                case "yesterday", "last night" -> -1;
                case "tomorrow" -> 1;
                default -> 0;
            };
            return FactDate.day(ref.plusDays(shift), text);
        }
        if (m.group(4) != null) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(4).toUpperCase(Locale.ROOT));
            String lower = text.toLowerCase(Locale.ROOT);
            LocalDate d = ref;
            if (lower.startsWith("next")) {
                do {
                    d = d.plusDays(1);
                } while (d.getDayOfWeek() != day);
            } else {
                if (lower.startsWith("last") || lower.startsWith("this past")) {
                    d = d.minusDays(1); // "last Monday" written on a Monday is a week ago
                }
                while (d.getDayOfWeek() != day) { // "on Sunday" in a report means the most recent Sunday
                    d = d.minusDays(1);
                }
            }
            return FactDate.day(d, text);
        }
        int n = COUNT.get(m.group(5).toLowerCase(Locale.ROOT));
        int sign = m.group(7).equalsIgnoreCase("later") ? 1 : -1;
        return switch (m.group(6).toLowerCase(Locale.ROOT)) {
            case "year" -> FactDate.of(ref.plusYears(sign * n), DatePrecision.YEAR, text);
            case "month" -> FactDate.of(ref.plusMonths(sign * n), DatePrecision.MONTH, text);
            case "day" -> FactDate.day(ref.plusDays(sign * n), text);
            default -> week(ref.plusWeeks(sign * n), text);
        };
    }
}

package io.factline.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactDate;

/**
 * Finds dates in English prose: absolute ones ("12 November 2020", "June 30, 2007", "in June 2021",
 * "October 2015", "in 2004", "the 1953 … Treaty") with their precision, and relative ones ("last
 * week", "on Sunday", "the following year", "this year") resolved against a reference date. A date
 * right after a target marker ("by 2008", "until …") is flagged as a target, not as when something happened.
 */
final class DateFinder {

    record DateMention(int start, int end, FactDate date, boolean relative, boolean target) {
    }

    private static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final String YEAR = "((?:1[89]|20)\\d{2})";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + ",?\\s+" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTHS + ",?\\s+(?:of\\s+)?" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern ISO_DAY = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d,.$€£-])\\b" + YEAR + "\\b(?![\\d%,.]\\d|\\s*(?:%|percent|km|kilometers|troops|soldiers|people|tons|dollars))");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(?:(last|this|next|the following|the previous|the next|the same|earlier this|later this|later that|earlier that|that same|that)\\s+(week|month|year)"
            + "|(yesterday|today|tomorrow)"
            + "|(?:on|last|this|next)\\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "|(a|one|two|three) (year|month|week)s? (later|earlier|ago))\\b");
    private static final Map<String, Integer> MONTH_NUMBER = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> COUNT = Map.of("a", 1, "one", 1, "two", 2, "three", 3);

    private static final Pattern BARE_MONTH = Pattern.compile("\\b(in|last|this|since|until|by|early|late|mid-)\\s*"
            + "(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!,?\\s+\\d)");

    private final List<String> targetMarkers;

    DateFinder(List<String> targetMarkers) {
        this.targetMarkers = targetMarkers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Dates in text[from, to). Relative ones are resolved against the document's date when they point
     * from the moment of writing ("last week", "on Sunday", "this year") and against the narrative's
     * date when they point from the story ("the following year", "later that month", "two years
     * later"); without the date they need, they are left out.
     */
    List<DateMention> find(String text, int from, int to, LocalDate reference, LocalDate narrative) {
        String s = text.substring(from, to);
        List<DateMention> found = new ArrayList<>(absolute(s, from));
        if (reference != null || narrative != null) {
            Matcher m = RELATIVE.matcher(s);
            while (m.find()) {
                LocalDate base = anaphoric(m) ? (narrative != null ? narrative : reference)
                        : (reference != null ? reference : narrative);
                FactDate date = inRange(base) ? safely(m, base) : null;
                if (date != null && overlapsNone(found, from + m.start(), from + m.end())) {
                    found.add(new DateMention(from + m.start(), from + m.end(), date, true, false));
                }
            }
        }
        LocalDate now = reference != null ? reference : narrative;
        if (now != null && inRange(now)) {
            Matcher b = BARE_MONTH.matcher(s);
            while (b.find()) { // "in July", "last June": the latest such month up to the document's date
                if (!overlapsNone(found, from + b.start(2), from + b.end(2))) {
                    continue;
                }
                int month = MONTH_NUMBER.get(b.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
                YearMonth ym = YearMonth.of(now.getYear(), month);
                boolean last = b.group(1).equalsIgnoreCase("last");
                if (ym.isAfter(YearMonth.from(now)) || (last && ym.equals(YearMonth.from(now)))) {
                    ym = ym.minusYears(1);
                }
                FactDate date = FactDate.of(ym.atDay(1), DatePrecision.MONTH, b.group(2));
                found.add(new DateMention(from + b.start(2), from + b.end(2), date, true, false));
            }
        }
        found.sort(Comparator.comparingInt(DateMention::start));
        List<DateMention> marked = new ArrayList<>(found.size());
        for (DateMention d : found) {
            marked.add(new DateMention(d.start(), d.end(), d.date(), d.relative(), isTarget(text, d.start())));
        }
        return marked;
    }

    /** Absolute dates in s, with offsets shifted by offset. Finer forms win where forms overlap. */
    static List<DateMention> absolute(String s, int offset) {
        List<DateMention> found = new ArrayList<>();
        if (s.chars().noneMatch(Character::isDigit)) {
            return found; // every absolute form has digits
        }
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, day(m.group(3), m.group(2), m.group(1)), DatePrecision.DAY);
        }
        m = MONTH_DAY_YEAR.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, day(m.group(3), m.group(1), m.group(2)), DatePrecision.DAY);
        }
        m = ISO_DAY.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, safeDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    DatePrecision.DAY);
        }
        m = MONTH_YEAR.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, day(m.group(2), m.group(1), "1"), DatePrecision.MONTH);
        }
        m = BARE_YEAR.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), DatePrecision.YEAR);
        }
        found.sort(Comparator.comparingInt(DateMention::start));
        return found;
    }

    private static void add(List<DateMention> found, String s, Matcher m, int offset, LocalDate day, DatePrecision precision) {
        if (day == null || !overlapsNone(found, offset + m.start(), offset + m.end())) {
            return;
        }
        found.add(new DateMention(offset + m.start(), offset + m.end(), FactDate.of(day, precision, m.group()), false, false));
    }

    private static boolean overlapsNone(List<DateMention> found, int start, int end) {
        for (DateMention d : found) {
            if (start < d.end() && d.start() < end) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate day(String year, String month, String day) {
        Integer mm = MONTH_NUMBER.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
        return mm == null ? null : safeDay(Integer.parseInt(year), mm, Integer.parseInt(day));
    }

    private static LocalDate safeDay(int y, int m, int d) {
        if (y < FactDate.EARLIEST_YEAR || y > FactDate.LATEST_YEAR || m < 1 || m > 12 || d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    private boolean isTarget(String text, int start) {
        String before = text.substring(Math.max(0, start - 20), start).toLowerCase(Locale.ROOT).stripTrailing();
        for (String marker : targetMarkers) {
            if (before.endsWith(" " + marker) || before.equals(marker)) {
                return true;
            }
        }
        return false;
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

    /** A relative date that would leave the years dates may hold is no date at all. */
    private static FactDate safely(Matcher m, LocalDate base) {
        FactDate date = resolve(m, base);
        return date != null && date.isKnown() && inRange(date.start()) ? date : null;
    }

    private static boolean anaphoric(Matcher m) {
        if (m.group(1) != null) {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            return which.startsWith("the ") || which.contains("that");
        }
        return m.group(7) != null && !m.group(7).equalsIgnoreCase("ago");
    }

    private static FactDate resolve(Matcher m, LocalDate ref) {
        String text = m.group();
        if (m.group(2) != null) {
            String which = m.group(1).toLowerCase(Locale.ROOT);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            int shift = switch (which) {
                case "last", "the previous" -> -1;
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
            int shift = switch (m.group(3).toLowerCase(Locale.ROOT)) {
                case "yesterday" -> -1;
                case "tomorrow" -> 1;
                default -> 0;
            };
            return FactDate.day(ref.plusDays(shift), text);
        }
        if (m.group(4) != null) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(4).toUpperCase(Locale.ROOT));
            boolean forward = text.toLowerCase(Locale.ROOT).startsWith("next");
            LocalDate d = ref;
            if (forward) {
                do {
                    d = d.plusDays(1);
                } while (d.getDayOfWeek() != day);
            } else {
                if (text.toLowerCase(Locale.ROOT).startsWith("last")) {
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
            default -> null;
        };
    }
}

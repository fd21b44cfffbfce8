package io.factline.extract;

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
 * Finds dates in English prose: absolute ones ("12 November 2020", "June 30, 2007", "the 26th day of
 * April, 2023", "8th of February 1971", "2023-04-26", "in June 2021", "in 2004") with their precision,
 * days without a year ("Feb 8", "July 7") in the reference year, and relative ones ("last week", "on
 * Sunday", "the following year", "this year", "earlier this month") resolved against a reference date
 * (see {@link RelativeDates}). Each mention says whether it is a target ("by 2008", "until …"), one
 * end of a span ("from 2006 to 2017", "in 2023 and 2024"), or the onset of something ongoing ("since 2016").
 */
final class DateFinder {

    record DateMention(int start, int end, FactDate date, boolean relative, boolean target, boolean span, boolean since) {
        DateMention(int start, int end, FactDate date, boolean relative) {
            this(start, end, date, relative, false, false, false);
        }
    }

    static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String YEAR = "((?:1[89]|20)\\d{2})";
    private static final String ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + ORDINAL + "\\s+(?:day\\s+)?(?:of\\s+)?" + MONTHS
            + ",?\\s+(?:in\\s+the\\s+year\\s+)?" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTHS + "\\s+" + ORDINAL + ",?\\s+" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTHS + ",?\\s+(?:of\\s+)?" + YEAR + "(?!\\d|,\\d)");
    private static final Pattern ISO_DAY = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d,.$€£-])\\b" + YEAR
            + "\\b(?![\\d%,.]\\d|\\s*(?:%|percent|km|kilometers|troops|soldiers|people|tons|dollars|personnel|hours))");
    /** "Feb 8", "July 7", "8th of February": a day in the reference year. */
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + "\\s+" + ORDINAL + "\\b(?!\\s*,?\\s*\\d{4})(?![,.]\\d)");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b" + ORDINAL + "\\s+(?:day\\s+)?of\\s+" + MONTHS + "\\b(?!,?\\s+\\d{4})");
    /** Two years joined as one stretch of time: no single anchor. */
    private static final Pattern SPAN = Pattern.compile("(?i)\\b(?:from|between|during|in|throughout)?\\s*" + YEAR
            + "\\s*(?:to|and|through|until|-|–|—)\\s*" + YEAR + "\\b");
    static final Map<String, Integer> MONTH_NUMBER = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private final List<String> targetMarkers;
    private final RelativeDates relative = new RelativeDates();

    DateFinder(List<String> targetMarkers) {
        this.targetMarkers = targetMarkers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Dates in text[from, to). Relative ones are resolved against the document's date when they point
     * from the moment of writing and against the narrative's when they point from the story; without
     * the date they need, they are left out.
     */
    List<DateMention> find(String text, int from, int to, LocalDate reference, LocalDate narrative) {
        String s = text.substring(from, to);
        List<DateMention> found = new ArrayList<>(absolute(s, from));
        LocalDate now = reference != null ? reference : narrative;
        if (now != null && now.getYear() > FactDate.EARLIEST_YEAR && now.getYear() < FactDate.LATEST_YEAR) {
            yearless(s, from, now, found);
        }
        relative.find(s, from, reference, narrative, found);
        found.sort(Comparator.comparingInt(DateMention::start));
        List<int[]> spans = spans(s, from);
        List<DateMention> marked = new ArrayList<>(found.size());
        for (DateMention d : found) {
            boolean span = spans.stream().anyMatch(r -> d.start() >= r[0] && d.end() <= r[1]);
            marked.add(new DateMention(d.start(), d.end(), d.date(), d.relative(), isTarget(text, d.start()), span,
                    follows(text, d.start(), "since", "since at least", "ever since")));
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

    /** "Feb 8", "July 7", "8th of February" with no year: that day in the reference's year. */
    private static void yearless(String s, int offset, LocalDate now, List<DateMention> found) {
        if (s.chars().noneMatch(Character::isDigit)) {
            return;
        }
        Matcher m = MONTH_DAY.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, day(Integer.toString(now.getYear()), m.group(1), m.group(2)), DatePrecision.DAY);
        }
        m = DAY_OF_MONTH.matcher(s);
        while (m.find()) {
            add(found, s, m, offset, day(Integer.toString(now.getYear()), m.group(2), m.group(1)), DatePrecision.DAY);
        }
    }

    private static void add(List<DateMention> found, String s, Matcher m, int offset, LocalDate day, DatePrecision precision) {
        if (day == null || !overlapsNone(found, offset + m.start(), offset + m.end()) || partOfAName(s, m)) {
            return;
        }
        found.add(new DateMention(offset + m.start(), offset + m.end(), FactDate.of(day, precision, m.group()), false));
    }

    /** "resolution 2397 (2017)": a year in brackets after a number belongs to a designation, not a date. */
    private static boolean partOfAName(String s, Matcher m) {
        int at = m.start();
        return m.group().matches("\\d{4}") && at >= 3 && s.charAt(at - 1) == '(' && s.charAt(at - 2) == ' '
                && Character.isDigit(s.charAt(at - 3)) && m.end() < s.length() && s.charAt(m.end()) == ')';
    }

    static boolean overlapsNone(List<DateMention> found, int start, int end) {
        for (DateMention d : found) {
            if (start < d.end() && d.start() < end) {
                return false;
            }
        }
        return true;
    }

    static LocalDate day(String year, String month, String day) {
        Integer mm = MONTH_NUMBER.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
        return mm == null ? null : safeDay(Integer.parseInt(year), mm, Integer.parseInt(day));
    }

    static LocalDate safeDay(int y, int m, int d) {
        if (y < FactDate.EARLIEST_YEAR || y > FactDate.LATEST_YEAR || m < 1 || m > 12 || d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    private static List<int[]> spans(String s, int offset) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SPAN.matcher(s);
        while (m.find()) {
            out.add(new int[] {offset + m.start(), offset + m.end()});
        }
        return out;
    }

    private boolean isTarget(String text, int start) {
        String before = text.substring(Math.max(0, start - 24), start).toLowerCase(Locale.ROOT).stripTrailing();
        for (String marker : targetMarkers) {
            if (before.endsWith(" " + marker) || before.equals(marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean follows(String text, int start, String... words) {
        String before = text.substring(Math.max(0, start - 20), start).toLowerCase(Locale.ROOT).stripTrailing();
        for (String w : words) {
            if (before.endsWith(" " + w) || before.equals(w)) {
                return true;
            }
        }
        return false;
    }
}

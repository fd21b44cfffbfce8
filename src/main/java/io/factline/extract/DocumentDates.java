package io.factline.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import io.factline.domain.DatePrecision;

/**
 * A document's own date, from a date line near its title, in the forms publishers print: "April 26,
 * 2023", "26 April 2023", "2023-04-26", "(May 21, 2022)", "Updated September 18, 2026 (IF12760)",
 * "Published 3:12 AM EDT, Sun July 28, 2024", "Seoul, February 2, 1971, 0815Z.", "Page last
 * modified: 24-06-2021 17:49:34 ZULU". A line counts when, its label, place, weekday, time and
 * reference taken away, a single full date is what is left.
 */
final class DocumentDates {

    private static final Pattern LABEL = Pattern.compile("(?i)^\\s*(?:page\\s+)?(?:last\\s+)?(?:published|posted|updated|released|modified|"
            + "date|dated|issued|as of|for immediate release)\\s*(?:on|:)?\\s*");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern TIME = Pattern.compile("(?i)\\b\\d{1,2}(?::\\d{2})?(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*"
            + "(?:[A-Z]{2,4}T|ET|PT|KST|JST|UTC|GMT|ZULU)?\\b|\\b\\d{4}Z\\b|\\b\\d{4}\\s+hours\\b");
    private static final Pattern WEEKDAY = Pattern.compile("(?i)\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday)?\\b\\.?,?");
    private static final Pattern REFERENCE = Pattern.compile("\\([A-Z]{1,5}\\d{2,}\\)|\\(\\s*|\\s*\\)");
    private static final Pattern PLACE = Pattern.compile("^\\s*(?:[A-Z][\\p{L}.'-]+\\s*){1,3},\\s*");
    /** How many non-blank lines from the top a date line may be. */
    static final int NEAR_TITLE = 12;

    private DocumentDates() {
    }

    /** The date a line gives the document, or null. */
    static LocalDate ofLine(String line) {
        if (line.length() > 120) {
            return null;
        }
        String rest = LABEL.matcher(line).replaceFirst("");
        boolean labelled = rest.length() < line.length();
        var numeric = NUMERIC.matcher(rest);
        if (labelled && numeric.find()) { // "Page last modified: 24-06-2021 17:49:34 ZULU": day first
            return DateFinder.safeDay(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                    Integer.parseInt(numeric.group(1)));
        }
        List<DateFinder.DateMention> dates = DateFinder.absolute(rest, 0);
        if (dates.size() != 1 || dates.get(0).date().precision() != DatePrecision.DAY) {
            return null;
        }
        DateFinder.DateMention d = dates.get(0);
        String left = rest.substring(0, d.start()) + " " + rest.substring(d.end());
        left = REFERENCE.matcher(left).replaceAll(" ");
        left = TIME.matcher(left).replaceAll(" ");
        left = WEEKDAY.matcher(left).replaceAll(" ");
        left = PLACE.matcher(left.strip() + ", ").replaceFirst("");
        left = left.replaceAll("[\\s,.;:()\\[\\]–—-]+", " ").strip();
        return left.isEmpty() || labelled && left.length() <= 20 ? d.date().start() : null;
    }
}

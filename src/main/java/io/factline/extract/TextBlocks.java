package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a document's stored text as blocks (one per line or paragraph), leaving out site furniture
 * (donation banners, mailing-list prompts), and finds the document's own date in lines such as
 * "Page last modified: 24-06-2021 17:49:34 ZULU", "Published: October 25, 2024" or a dated header.
 * The text itself is never changed: blocks are offsets into it.
 */
final class TextBlocks {

    record Block(int start, int end, boolean heading) {
    }

    record Cleaned(List<Block> paragraphs, Optional<LocalDate> documentDate) {
    }

    private static final Pattern MODIFIED = Pattern.compile(
            "(?i)(?:page\\s+)?last\\s+(?:modified|updated)\\s*:?\\s*(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern STAMP = Pattern.compile(
            "(?i)^\\s*(?:published|posted|updated|released|last updated|date|dated)\\b");
    /** A line that is only a date, perhaps after its weekday; labelled lines are STAMP's. */
    private static final Pattern DATED_LINE = Pattern.compile(
            "(?i)^\\s*(?:[A-Z][a-z]+day,?\\s+)?(.{6,40}?)\\s*$");

    private final List<Pattern> boilerplate;

    TextBlocks(List<String> boilerplatePatterns) {
        this.boilerplate = boilerplatePatterns.stream().map(Pattern::compile).toList();
    }

    Cleaned read(String text) {
        List<Block> blocks = new ArrayList<>();
        LocalDate documentDate = null;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                LocalDate dated = dateOfLine(line);
                if (dated != null && documentDate == null) {
                    documentDate = dated;
                }
                if (dated == null && !isFurniture(line)) {
                    int s = lineStart;
                    int e = lineEnd;
                    while (s < e && Character.isWhitespace(text.charAt(s))) {
                        s++;
                    }
                    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                        e--;
                    }
                    Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
                    if (previous != null && wrapped(text, previous, s)) {
                        // a hard-wrapped paragraph: the sentence goes on on this line
                        blocks.set(blocks.size() - 1, new Block(previous.start(), e, false));
                    } else {
                        blocks.add(new Block(s, e, isHeading(text.substring(s, e))));
                    }
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return new Cleaned(blocks, Optional.ofNullable(documentDate));
    }

    private boolean isFurniture(String line) {
        for (Pattern p : boilerplate) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** A short line with no sentence punctuation at its end, and no sentence in it, reads as a title or heading. */
    private static boolean isHeading(String line) {
        return line.length() < 120 && !SENTENCE_END.matcher(line).find() && !line.contains(". ");
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’')\\]]*$|[\"”)]$");
    private static final int WRAP_WIDTH = 60;

    /**
     * Whether the line at {@code nextStart} continues the block before it: that block's last line was
     * long, with no blank line between, and did not end a sentence.
     */
    private static boolean wrapped(String text, Block previous, int nextStart) {
        String between = text.substring(previous.end(), nextStart);
        if (between.chars().filter(c -> c == '\n').count() != 1) {
            return false;
        }
        int lastLineStart = text.lastIndexOf('\n', previous.end() - 1) + 1;
        String lastLine = text.substring(Math.max(lastLineStart, previous.start()), previous.end());
        return lastLine.length() >= WRAP_WIDTH && !SENTENCE_END.matcher(lastLine).find();
    }

    /** The date a line gives the document, when the line is only a date or a "modified"/"published" stamp. */
    static LocalDate dateOfLine(String line) {
        Matcher m = MODIFIED.matcher(line);
        if (m.find()) {
            try {
                int year = Integer.parseInt(m.group(3));
                if (year < io.factline.domain.FactDate.EARLIEST_YEAR || year > io.factline.domain.FactDate.LATEST_YEAR) {
                    return null;
                }
                return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        Matcher stamp = STAMP.matcher(line);
        if (line.length() <= 100 && stamp.find()) { // "Published: April 26, 2023, 5:44 PM EDT", "Updated 5:44 PM EDT, April 26, 2023"
            List<DateFinder.DateMention> dates = DateFinder.absolute(line, 0);
            if (dates.size() == 1 && dates.get(0).date().precision() == io.factline.domain.DatePrecision.DAY) {
                return dates.get(0).date().start();
            }
        }
        Matcher d = DATED_LINE.matcher(line);
        if (line.length() <= 60 && d.matches()) {
            List<DateFinder.DateMention> dates = DateFinder.absolute(d.group(1), 0);
            if (dates.size() == 1 && dates.get(0).date().precision() == io.factline.domain.DatePrecision.DAY
                    && dates.get(0).end() - dates.get(0).start() >= d.group(1).strip().length() - 1) {
                return dates.get(0).date().start();
            }
        }
        return null;
    }
}

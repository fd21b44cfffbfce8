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
    private static final Pattern DATED_LINE = Pattern.compile(
            "(?i)^\\s*(?:(?:published|posted|updated|released|date|dated)\\s*(?:on)?\\s*:?\\s*)?(?:[A-Z][a-z]+day,?\\s+)?(.{6,40}?)\\s*$");

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
                    blocks.add(new Block(s, e, isHeading(text.substring(s, e))));
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

    /** A short line with no sentence punctuation at its end reads as a title or heading, not as prose. */
    private static boolean isHeading(String line) {
        char last = line.charAt(line.length() - 1);
        return line.length() < 120 && last != '.' && last != '"' && last != '”' && last != '!' && last != '?';
    }

    /** The date a line gives the document, when the line is only a date or a "modified"/"published" stamp. */
    static LocalDate dateOfLine(String line) {
        Matcher m = MODIFIED.matcher(line);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } catch (java.time.DateTimeException e) {
                return null;
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

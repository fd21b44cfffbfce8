package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a document's stored text as blocks (one per line or paragraph), leaving out site furniture
 * (donation banners, mailing-list prompts), and finds the document's own date in a date line near
 * its title or a labelled stamp anywhere ({@link DocumentDates}).
 * The text itself is never changed: blocks are offsets into it.
 */
final class TextBlocks {

    record Block(int start, int end, boolean heading) {
    }

    record Cleaned(List<Block> paragraphs, Optional<LocalDate> documentDate) {
    }

    private final List<Pattern> boilerplate;

    TextBlocks(List<String> boilerplatePatterns) {
        this.boilerplate = boilerplatePatterns.stream().map(Pattern::compile).toList();
    }

    Cleaned read(String text) {
        List<Block> blocks = new ArrayList<>();
        LocalDate documentDate = null;
        int lineStart = 0;
        int lines = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                lines++;
                LocalDate dated = lines <= DocumentDates.NEAR_TITLE || STAMP.matcher(line).find() ? DocumentDates.ofLine(line) : null;
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

    /** A labelled date stamp ("Page last modified: …", "Updated …") counts wherever it is. */
    private static final Pattern STAMP = Pattern.compile("(?i)^\\s*(?:page\\s+)?(?:last\\s+)?(?:published|posted|updated|modified)\\b");
}

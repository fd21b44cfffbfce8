package io.factline.extract;

import java.time.LocalDate;

/** A document as the extractor sees it: its stored text, and its date where known (for relative dates). */
public record DocumentText(String text, LocalDate documentDate, String title) {
}

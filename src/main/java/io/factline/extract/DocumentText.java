package io.factline.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * A document as the extractor sees it: its stored text, its date where known (for relative dates), its
 * title, and the actors discovered in earlier documents that it names.
 */
public record DocumentText(String text, LocalDate documentDate, String title, List<KnownActor> knownActors) {
    public DocumentText {
        knownActors = knownActors == null ? List.of() : List.copyOf(knownActors);
    }

    public DocumentText(String text, LocalDate documentDate, String title) {
        this(text, documentDate, title, List.of());
    }
}

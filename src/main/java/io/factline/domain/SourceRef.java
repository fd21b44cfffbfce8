package io.factline.domain;

import java.util.Objects;
import java.util.UUID;

/** Where a fact is stated: a passage of a document, by character offsets into its stored text. */
public record SourceRef(UUID documentId, String quote, int start, int end, double confidence) {
    public SourceRef {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(quote, "quote");
        if (start < 0 || end <= start) {
            throw new InvalidFactException("a source passage runs from start to end, with 0 <= start < end");
        }
        if (end - start != quote.length()) {
            throw new InvalidFactException("a source quote is exactly the text between its offsets");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new InvalidFactException("confidence lies in [0, 1]");
        }
    }
}

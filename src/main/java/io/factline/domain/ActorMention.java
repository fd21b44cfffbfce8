package io.factline.domain;

import java.util.Objects;
import java.util.UUID;

/** Where a discovered actor was found: the words of a document, by character offsets into its stored text. */
public record ActorMention(UUID documentId, String text, int start, int end) {
    public ActorMention {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start || end - start != text.length()) {
            throw new InvalidFactException("a mention is exactly the text between its offsets, with 0 <= start < end");
        }
    }
}

package io.factline.extract;

import java.util.List;

/**
 * Turns a document's text into fact drafts. Implementations are pure functions: no framework, no
 * I/O, the same drafts for the same text and version. Offsets index the text exactly as given.
 */
public interface FactExtractor {

    /** Recorded with every extracted fact, so that a later extractor can tell its work from this one's. */
    String version();

    List<FactDraft> extract(DocumentText document);
}

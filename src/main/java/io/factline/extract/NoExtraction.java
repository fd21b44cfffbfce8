package io.factline.extract;

import java.util.List;

/**
 * The extractor in place until the extraction pipeline lands: documents are stored and served,
 * with no facts drawn from them; facts enter through curators.
 */
public final class NoExtraction implements FactExtractor {

    @Override
    public String version() {
        return "none";
    }

    @Override
    public List<FactDraft> extract(DocumentText document) {
        return List.of();
    }
}

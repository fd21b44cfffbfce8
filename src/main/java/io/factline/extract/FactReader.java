package io.factline.extract;

import java.util.List;

/**
 * Reads the facts of one type in a sentence. Each fact type has its reader and its entry in the
 * trigger data; a new type (SANCTION, say) is one enum value, one entry in extract/triggers.json and
 * one reader registered in {@link RuleBasedExtractor}.
 */
interface FactReader {

    /** Adds the facts of this reader's type that the sentence states; {@code sentenceFacts} holds those read before it. */
    void read(SentenceParse parse, List<FactDraft> sentenceFacts);
}

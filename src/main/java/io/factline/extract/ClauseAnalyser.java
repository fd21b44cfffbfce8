package io.factline.extract;

import java.util.List;

/**
 * Finds a sentence's predicates and how they hang together: which verb is the sentence's own act,
 * which are coordinated with it, which are only what was said or agreed, and where each one's
 * subject is. The readers decide facts from this structure, not from word windows.
 */
interface ClauseAnalyser {

    List<Predicate> analyse(Sentence sentence);

    /** Called on each sentence before its actors are read; an analyser that tags better may retag it. */
    default void prepare(Sentence sentence) {
    }
}

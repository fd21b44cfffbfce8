package io.factline.extract;

import java.util.Set;

/**
 * A verb of a sentence with what the readers need to know about its clause: the tokens of its verb
 * group, how it hangs on the rest of the sentence, where its subject is, how far its arguments
 * reach, and the auxiliaries and particles around it (negation, modality, tense, voice).
 *
 * @param first     the first token of the verb group ("has", "will", "strongly")
 * @param head      the verb itself
 * @param governor  the predicate (index in the sentence's list) it depends on, or -1
 * @param subjectFrom the first token where its subject may be, or -1 when it has none of its own
 *                  (an infinitive or a coordinated verb shares its governor's, already copied here)
 * @param subjectTo one past the last token of the subject region (usually {@code first})
 * @param argsTo    one past the last token of its arguments (objects, "with", "to", dates)
 */
record Predicate(int first, int head, int argsTo, String lemma, Relation relation, int governor,
                        int subjectFrom, int subjectTo, Set<Flag> flags, String conjunction) {

    /** How a verb hangs on the sentence. */
    enum Relation {
        /** The sentence's own verb, or one of a clause joined by ";" or ", and" with its own subject. */
        MAIN,
        /** A verb joined to another by "and", "or", "but", sharing its subject: "reaffirmed … and called on". */
        COORDINATED,
        /** What someone says, thinks or reaffirms: "said (that) …", "reaffirmed that …". */
        COMPLEMENT,
        /** "to" + verb: what was agreed, committed, decided ("agreed to hold"), or a purpose ("met … to reaffirm"). */
        INFINITIVE,
        /** A relative clause or a participle modifying a noun: "the alert issued by …", "troops that …". */
        RELATIVE,
        /** A clause opened by a conjunction: "after …", "when …", "if …", "while …". */
        ADVERBIAL,
        /** A participle phrase: "Standing firmly against …,", "including by increasing …". */
        PARTICIPLE
    }

    enum Flag { NEGATED, MODAL, FUTURE, PERFECT, PAST_PERFECT, PASSIVE, PROGRESSIVE, CONDITIONAL }

    boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** A verb that states an act of its own: not negated, not modal or future, not hypothetical. */
    boolean factual() {
        return !has(Flag.NEGATED) && !has(Flag.MODAL) && !has(Flag.FUTURE) && !has(Flag.CONDITIONAL);
    }
}

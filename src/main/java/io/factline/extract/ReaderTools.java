package io.factline.extract;

/**
 * What every fact reader reads with: the trigger words, the dating of clauses, the drafting of facts
 * and the events a sentence names as noun phrases. Built once per extractor and shared by its readers.
 */
record ReaderTools(Triggers triggers, Dating dating, Drafting drafting, NominalEvents nominal) {

    /** The date of the act a verb states, told apart from the dates of events the sentence only names. */
    Dating.Dated dateOf(SentenceParse parse, Predicate p) {
        return dating.of(parse, p, parse.nominalDates(nominal));
    }
}

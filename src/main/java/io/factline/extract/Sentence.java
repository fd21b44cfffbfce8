package io.factline.extract;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One sentence of a document: its absolute span and its tokens with tags and absolute spans.
 * Lemmas come from the verb vocabulary; the statistical lemmatizer runs, once, only when a verb
 * outside it might still be one the rules read.
 */
final class Sentence {

    private final String documentText;
    private final int start;
    private final int end;
    private final String[] words;
    private String[] tags;
    private final int[] tokenStarts;
    private final int[] tokenEnds;
    private final VerbForms verbs;
    private final Supplier<String[]> lemmatizer;
    private String[] statistical;
    private boolean[] inName;

    Sentence(String documentText, int start, int end, String[] words, String[] tags, int[] tokenStarts, int[] tokenEnds,
             VerbForms verbs, Supplier<String[]> lemmatizer) {
        this.documentText = documentText;
        this.start = start;
        this.end = end;
        this.words = words;
        this.tags = tags;
        this.tokenStarts = tokenStarts;
        this.tokenEnds = tokenEnds;
        this.verbs = verbs;
        this.lemmatizer = lemmatizer;
    }

    String documentText() {
        return documentText;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    String[] words() {
        return words;
    }

    String[] tags() {
        return tags;
    }

    /** Replaces the part-of-speech tags (Universal Dependencies tags) with another tagger's. */
    void retag(String[] universalTags) {
        if (universalTags.length != words.length) {
            throw new IllegalArgumentException("one tag per token");
        }
        this.tags = universalTags.clone();
        this.statistical = null;
    }

    int[] tokenStarts() {
        return tokenStarts;
    }

    int[] tokenEnds() {
        return tokenEnds;
    }

    String text() {
        return documentText.substring(start, end);
    }

    int size() {
        return words.length;
    }

    String lower(int i) {
        return words[i].toLowerCase(Locale.ROOT);
    }

    /** Words of a list, lower-cased as {@link #lower} gives a token, to look tokens up in. */
    static Set<String> lowerCased(Collection<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    String lemma(int i) {
        String w = lower(i);
        String known = verbs.lemma(w);
        if (known != null) {
            return known;
        }
        if (isVerb(i) && verbs.mayBeOneOf(w)) {
            if (statistical == null) {
                statistical = lemmatizer.get();
            }
            String l = statistical[i];
            return l == null || l.equals("O") ? w : l.toLowerCase(Locale.ROOT);
        }
        return w;
    }

    boolean isVerb(int i) {
        return tags[i].equals("VERB") || tags[i].equals("AUX");
    }

    /**
     * A past form of one of the rules' verbs ("met", "signed") that the tagger took for something
     * else, as it does around names it does not know ("Trump met Moon": Trump/VERB met/NOUN).
     */
    boolean isPastFormOfKnownVerb(int i) {
        String w = lower(i);
        String lemma = verbs == null ? null : verbs.lemma(w);
        if (lemma == null || w.equals(lemma) || w.equals(lemma + "s") || w.equals(lemma + "es") || w.endsWith("ing")) {
            return false;
        }
        return i == 0 || !(tags[i - 1].startsWith("DET") || tags[i - 1].startsWith("ADJ"));
    }

    /**
     * Marks the tokens inside actors' names: the tagger often reads a word of a name it does not
     * know as a verb ("The ROK-U.S. Working Group", "The ruling Saenuri Party"), and a name is never one.
     */
    void markNames(java.util.List<Mention> mentions) {
        inName = new boolean[words.length];
        for (Mention m : mentions) {
            if (m.via() == Mention.Via.NAME || m.via() == Mention.Via.DEMONYM) {
                for (int i = 0; i < words.length; i++) {
                    if (tokenStarts[i] >= m.start() && tokenEnds[i] <= m.end()) {
                        inName[i] = true;
                    }
                }
            }
        }
    }

    boolean inName(int i) {
        return inName != null && inName[i];
    }

    private static final java.util.Set<String> SUBJECT_PRONOUNS = java.util.Set.of("they", "we", "i", "he", "she", "who", "it");

    /**
     * A form of one of the rules' verbs right after a subject that the tagger took for a noun or an
     * adjective, as it often does in formal present-tense prose ("The Leaders express support",
     * "They pledge to work", "President Biden reaffirms that"): the word is a known inflection of such
     * a verb and follows a name, a subject pronoun or a plural noun (past an adverb), not a
     * determiner or a possessive ("their support", "a pledge").
     */
    boolean isVerbFormAfterSubject(int i) {
        if (tags[i].startsWith("VERB") || tags[i].startsWith("AUX") || verbs == null || i == 0) {
            return false;
        }
        String w = lower(i);
        String lemma = verbs.lemma(w);
        if (lemma == null || w.endsWith("ing") || lemma.equals("be") || lemma.equals("have")) {
            return false;
        }
        int prev = i - 1;
        while (prev > 0 && tags[prev].startsWith("ADV")) {
            prev--;
        }
        String p = lower(prev);
        boolean subject = SUBJECT_PRONOUNS.contains(p) || inName(prev) || tags[prev].startsWith("PROPN")
                || tags[prev].startsWith("NOUN") && p.endsWith("s") && !p.endsWith("ss");
        boolean nounNext = i + 1 < words.length && (words[i + 1].equals("of") || tags[i + 1].startsWith("AUX")
                || tags[i + 1].startsWith("VERB"));
        return subject && !nounNext && !tags[prev].startsWith("DET");
    }

    /** The index of the token covering the character offset, or -1. */
    int tokenAt(int offset) {
        for (int i = 0; i < words.length; i++) {
            if (offset >= tokenStarts[i] && offset < tokenEnds[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The first token starting at or after the offset (size() when none). */
    int tokenFrom(int offset) {
        for (int i = 0; i < words.length; i++) {
            if (tokenStarts[i] >= offset) {
                return i;
            }
        }
        return words.length;
    }

    /** A verb's form: the tagger gives UD tags, which carry no tense. */
    enum Form { BASE, PAST, PARTICIPLE, PRESENT_3SG, ING }

    /** The form of a verb, from its spelling and lemma (the tagger gives UD tags, without tense). */
    Form form(int i) {
        String w = lower(i);
        String lemma = lemma(i);
        if (w.endsWith("ing") && !lemma.endsWith("ing") || w.endsWith("ing") && w.length() > 5 && !w.equals(lemma)) {
            return Form.ING;
        }
        if (w.equals(lemma)) {
            return Form.BASE;
        }
        if (w.equals(lemma + "s") || w.equals(lemma + "es") || lemma.endsWith("y") && w.equals(lemma.substring(0, lemma.length() - 1) + "ies")
                || w.equals("is") || w.equals("has") || w.equals("does")) {
            return Form.PRESENT_3SG;
        }
        if (w.endsWith("en") || w.equals("been") || w.equals("done") || w.equals("gone")) {
            return Form.PARTICIPLE;
        }
        return Form.PAST;
    }
}

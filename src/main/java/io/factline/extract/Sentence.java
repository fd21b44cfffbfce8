package io.factline.extract;

import java.util.Locale;

/** One sentence of a document: its absolute span and its tokens with tags, lemmas and absolute spans. */
record Sentence(String documentText, int start, int end, String[] words, String[] tags, String[] lemmas,
                int[] tokenStarts, int[] tokenEnds) {

    String text() {
        return documentText.substring(start, end);
    }

    int size() {
        return words.length;
    }

    String lower(int i) {
        return words[i].toLowerCase(Locale.ROOT);
    }

    String lemma(int i) {
        String l = lemmas[i];
        return l == null || l.equals("O") ? lower(i) : l.toLowerCase(Locale.ROOT);
    }

    boolean isVerb(int i) {
        return tags[i].equals("VERB") || tags[i].equals("AUX");
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
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every phrase of a text that could be an actor's name or acronym: runs of up to eight words that begin
 * and end with a capital or a digit and cross no comma or full stop ("Altan Gerel", "Ministry of
 * Foreign Affairs of Mongolia", "MSMT"). Known actors are looked up by these, exactly, so the lookup
 * can use an index however many actors are known.
 */
public final class NameCandidates {

    private static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern LEADING = Pattern.compile("^[\\p{Ps}\\p{Pi}\"'“‘]+");
    private static final Pattern TRAILING = Pattern.compile("[\\p{Pe}\\p{Pf}\"'”’,;:!?]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private NameCandidates() {
    }

    private record Word(String text, boolean endsPhrase) {
        boolean canBound() {
            return !text.isEmpty() && (Character.isUpperCase(text.codePointAt(0)) || Character.isDigit(text.codePointAt(0)));
        }
    }

    public static Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        List<Word> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).canBound()) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            for (int j = i; j < words.size() && j < i + MAX_WORDS; j++) {
                Word w = words.get(j);
                if (w.text().isEmpty()) {
                    break;
                }
                if (j > i) {
                    phrase.append(' ');
                }
                phrase.append(w.text());
                if (w.canBound()) {
                    out.add(phrase.toString());
                }
                if (w.endsPhrase()) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String raw = m.group();
            String w = LEADING.matcher(raw).replaceFirst("");
            boolean opened = w.length() < raw.length();
            String trimmed = TRAILING.matcher(w).replaceFirst("");
            boolean fullStop = trimmed.endsWith(".") && trimmed.indexOf('.') == trimmed.length() - 1;
            if (fullStop) { // "Korea." and "(JFMP)." end a sentence; "U.S." is a word
                trimmed = TRAILING.matcher(trimmed.substring(0, trimmed.length() - 1)).replaceFirst("");
            }
            boolean closed = fullStop || trimmed.length() < w.length();
            trimmed = POSSESSIVE.matcher(trimmed).replaceFirst("");
            if (opened && !words.isEmpty()) { // "(MSMT)" is a phrase of its own
                Word before = words.remove(words.size() - 1);
                words.add(new Word(before.text(), true));
            }
            words.add(new Word(trimmed, closed));
        }
        return words;
    }
}

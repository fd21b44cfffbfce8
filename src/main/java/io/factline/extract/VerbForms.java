package io.factline.extract;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The inflected forms of the verbs the rules read (triggers, governors, "be", "have"), mapped to
 * their lemmas: regular English inflection plus a list of irregular forms (data). A verb outside this
 * vocabulary that may still be one of them is left to OpenNLP's statistical lemmatizer, which is
 * therefore run only on the few sentences that need it (it costs most of a sentence's time).
 */
final class VerbForms {

    private final Map<String, String> lemmaOf = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();

    VerbForms(Collection<String> lemmas, Map<String, String> irregular) {
        for (String lemma : lemmas) {
            add(lemma);
        }
        add("be");
        add("have");
        irregular.forEach((form, lemma) -> {
            if (lemmaOf.containsKey(lemma) || lemma.equals("be") || lemma.equals("have")) {
                lemmaOf.put(form, lemma);
            }
        });
    }

    private void add(String lemma) {
        lemmaOf.put(lemma, lemma);
        String stem = lemma.endsWith("e") ? lemma.substring(0, lemma.length() - 1) : lemma;
        prefixes.add(stem);
        lemmaOf.putIfAbsent(stem + "ing", lemma);
        lemmaOf.putIfAbsent(stem + "ed", lemma);
        if (lemma.matches(".*(s|sh|ch|x|z|o)")) {
            lemmaOf.putIfAbsent(lemma + "es", lemma);
        } else if (lemma.matches(".*[^aeiou]y")) {
            String root = lemma.substring(0, lemma.length() - 1);
            lemmaOf.putIfAbsent(root + "ies", lemma);
            lemmaOf.putIfAbsent(root + "ied", lemma);
        } else {
            lemmaOf.putIfAbsent(lemma + "s", lemma);
        }
        if (lemma.matches(".*[^aeiou][aeiou][bdgklmnprt]")) { // plan → planned, admit → admitted
            char last = lemma.charAt(lemma.length() - 1);
            lemmaOf.putIfAbsent(lemma + last + "ed", lemma);
            lemmaOf.putIfAbsent(lemma + last + "ing", lemma);
        }
    }

    /** The lemma of a known form, or null. */
    String lemma(String lowerCaseForm) {
        return lemmaOf.get(lowerCaseForm);
    }

    /**
     * Whether an unknown form starts like one of the verbs and so may be a spelling the rules above
     * miss ("criticising"): only those are worth the statistical lemmatizer.
     */
    boolean mayBeOneOf(String lowerCaseForm) {
        for (int k = Math.max(2, lowerCaseForm.length() - 5); k < lowerCaseForm.length(); k++) { // a suffix of at most 5
            if (prefixes.contains(lowerCaseForm.substring(0, k))) {
                return true;
            }
        }
        return false;
    }
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Verb groups over OpenNLP's tags: auxiliaries, "not" and adverbs between them, and the verb they end
 * on ("has also met", "will be established"); not participles used as adjectives, words the tagger
 * read as verbs inside a name, or words that never head a clause ("including").
 */
final class VerbGroups {

    /** A verb group's tokens: its first word, its verb, its last word. */
    record Group(int first, int head, int end) {
    }

    private final ExtractionData.ClauseWords words;

    VerbGroups(ExtractionData.ClauseWords words) {
        this.words = words;
    }

    /** The verb groups of the sentence, in order. */
    List<Group> of(Sentence s) {
        List<Group> out = new ArrayList<>();
        int n = s.size();
        for (int i = 0; i < n; i++) {
            if (!verbal(s, i)) {
                continue;
            }
            int j = i;
            while (j + 1 < n && (verbal(s, j + 1) && !s.lower(j + 1).equals("to") && continuesGroup(s, j + 1)
                    || words.negation().contains(s.lower(j + 1)) && !s.lower(j + 1).equals("no") && followedByVerb(s, j + 2)
                    || s.tags()[j + 1].startsWith("ADV") && followedByVerb(s, j + 2) && s.tags()[j].startsWith("AUX"))) {
                j++;
            }
            int head = j;
            while (head > i && !s.tags()[head].startsWith("VERB") && !s.isPastFormOfKnownVerb(head) && !s.isVerbFormAfterSubject(head)) {
                head--;
            }
            if (!s.tags()[head].startsWith("VERB") && !s.isPastFormOfKnownVerb(head) && !s.isVerbFormAfterSubject(head)) {
                head = j; // a copula or an auxiliary alone: "is", "are ready"
                while (head > i && !s.tags()[head].startsWith("AUX")) {
                    head--;
                }
            }
            out.add(new Group(i, head, j));
            i = j;
        }
        return out;
    }

    /** Another verb right after a verb belongs to its group only after an auxiliary ("has met", "will be held"). */
    private static boolean continuesGroup(Sentence s, int i) {
        return s.tags()[i - 1].startsWith("AUX") || s.tags()[i - 1].startsWith("ADV") || s.tags()[i - 1].startsWith("PART");
    }

    private boolean followedByVerb(Sentence s, int i) {
        while (i < s.size() && s.tags()[i].startsWith("ADV")) {
            i++;
        }
        return i < s.size() && verbal(s, i);
    }

    /** A verb or auxiliary, but not a participle used as an adjective ("the shared principles", "a U.S.-led effort"). */
    private boolean verbal(Sentence s, int i) {
        String tag = s.tags()[i];
        if (words.notVerbs().contains(s.lower(i)) || s.inName(i)) {
            return false;
        }
        boolean verb = tag.startsWith("VERB") || tag.startsWith("AUX") || s.isPastFormOfKnownVerb(i) && !tag.startsWith("ADP")
                || s.isVerbFormAfterSubject(i);
        if (!verb) {
            return false;
        }
        if (tag.startsWith("VERB") && i > 0 && i + 1 < s.size() && s.tags()[i - 1].matches("DET.*|ADJ.*|NUM.*") && !s.inName(i - 1)
                && (s.tags()[i + 1].matches("NOUN.*|PROPN.*|ADJ.*") || s.inName(i + 1))) {
            return false;
        }
        return true;
    }

    /** What the group's auxiliaries and particles say: negated, modal, future, perfect, passive, progressive, conditional. */
    java.util.Set<Predicate.Flag> flags(Sentence s, Group g, Predicate.Relation relation, String conjunction) {
        java.util.Set<Predicate.Flag> flags = java.util.EnumSet.noneOf(Predicate.Flag.class);
        boolean be = false;
        for (int i = g.first(); i < g.head(); i++) {
            String w = s.lower(i);
            if (words.negation().contains(w)) {
                flags.add(Predicate.Flag.NEGATED);
            } else if (words.modal().contains(w)) {
                flags.add(Predicate.Flag.MODAL);
            } else if (words.future().contains(w)) {
                flags.add(Predicate.Flag.FUTURE);
            } else if (w.equals("has") || w.equals("have") || w.equals("'ve")) {
                flags.add(Predicate.Flag.PERFECT);
            } else if (w.equals("had") || w.equals("'d")) {
                flags.add(Predicate.Flag.PAST_PERFECT);
            } else if (s.lemma(i).equals("be")) {
                be = true;
            }
        }
        for (int i = g.first() - 1; i >= 0 && i >= g.first() - 2; i--) { // "never met", "not to"
            if (words.negation().contains(s.lower(i)) && !s.lower(i).equals("no")) {
                flags.add(Predicate.Flag.NEGATED);
            }
        }
        Sentence.Form form = s.form(g.head());
        if (be && (form == Sentence.Form.PAST || form == Sentence.Form.PARTICIPLE) && !words.statePassives().contains(s.lower(g.head()))) {
            flags.add(Predicate.Flag.PASSIVE); // "was launched"; but "are committed to" says what the subject does
        } else if (be && form == Sentence.Form.ING) {
            flags.add(Predicate.Flag.PROGRESSIVE);
        }
        if (relation == Predicate.Relation.ADVERBIAL && words.conditional().contains(conjunction)) {
            flags.add(Predicate.Flag.CONDITIONAL);
        }
        return flags;
    }
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.factline.domain.FactType;
import io.factline.extract.ExtractionData.EventNoun;
import io.factline.extract.ExtractionData.Triggers;

/**
 * Finds the words that make a clause a statement, an agreement or a meeting: verbs by lemma, and
 * event nouns when the clause says the event took place ("had a phone conversation", "during a
 * meeting on …"). Hypothetical, negated, habitual and infinitive uses do not count ("would
 * welcome", "has ever signed", "an issue to discuss").
 */
final class TriggerFinder {

    private record VerbEntry(FactType type, ExtractionData.Trigger trigger, String[] rest) {
    }

    private final Map<String, List<VerbEntry>> verbs = new HashMap<>();
    private final Map<String, EventNoun> meetingNouns = new HashMap<>();
    private final Set<String> agreementNouns;
    private final Set<String> governorPrepositions;
    private final Set<String> governorVerbs;
    private final Set<String> nonEpisodic;

    TriggerFinder(Triggers triggers, List<String> nonEpisodic) {
        register(FactType.AGREEMENT, triggers.agreement()); // "issued a joint communiqué" before "issued a statement"
        register(FactType.STATEMENT, triggers.statement());
        register(FactType.MEETING, triggers.meeting());
        triggers.meetingNouns().forEach(n -> meetingNouns.put(n.noun(), n));
        this.agreementNouns = Set.copyOf(triggers.agreementNouns());
        this.governorPrepositions = Set.copyOf(triggers.governorPrepositions());
        this.governorVerbs = Set.copyOf(triggers.governorVerbs());
        this.nonEpisodic = Set.copyOf(nonEpisodic);
    }

    private void register(FactType type, List<ExtractionData.Trigger> list) {
        for (ExtractionData.Trigger t : list) {
            String[] words = t.lemma().split(" ");
            String[] rest = new String[words.length - 1];
            System.arraycopy(words, 1, rest, 0, rest.length);
            verbs.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new VerbEntry(type, t, rest));
        }
        // longer phrases first, so "call for" is tried before "call"
        verbs.values().forEach(l -> l.sort((a, b) -> b.rest().length - a.rest().length));
    }

    List<Trigger> find(Sentence s, int from, int to) {
        List<Trigger> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Trigger t = s.isVerb(i) || s.isPastFormOfKnownVerb(i) ? verb(s, i, to) : null;
            if (t == null && s.tags()[i].startsWith("NOUN") || t == null && s.tags()[i].startsWith("PROPN")
                    || t == null && s.tags()[i].startsWith("VERB")) {
                t = noun(s, i, from, to);
            }
            if (t != null) {
                found.add(t);
                i = t.lastToken();
            }
        }
        return found;
    }

    private Trigger verb(Sentence s, int i, int to) {
        List<VerbEntry> entries = verbs.get(s.lemma(i));
        if (entries == null) {
            return null;
        }
        for (VerbEntry e : entries) {
            int last = i;
            boolean ok = true;
            for (String w : e.rest()) {
                last++;
                if (last >= to || !(s.lower(last).equals(w) || s.lemma(last).equals(w))) {
                    ok = false;
                    break;
                }
            }
            if (!ok || e.trigger().notBefore().contains(i + 1 < to ? s.lower(i + 1) : "")) {
                continue;
            }
            if (!episodic(s, i) || (e.type() == FactType.STATEMENT && passive(s, i))) {
                return null;
            }
            if (!e.trigger().needsObject().isEmpty() && !objectNear(s, i, to, e.trigger().needsObject())) {
                continue;
            }
            return new Trigger(e.type(), i, last, s.words()[i], e.trigger().cameo(), e.trigger().plover(),
                    e.trigger().mode(), e.trigger().joint(), false);
        }
        return null;
    }

    /** Not under a modal, a negation, "ever"/"never" or an infinitive's "to". */
    private boolean episodic(Sentence s, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
            String w = s.lower(j);
            if (nonEpisodic.contains(w)) {
                return false;
            }
            if (s.tags()[j].startsWith("PRON") && (w.equals("that") || w.equals("which") || w.equals("who"))) {
                return false; // a relative clause is background to the sentence's own event
            }
            if (!(s.tags()[j].startsWith("ADV") || s.tags()[j].startsWith("AUX"))) {
                return true;
            }
        }
        return true;
    }

    private static boolean passive(Sentence s, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (s.tags()[j].startsWith("AUX") && s.lemma(j).equals("be")) {
                return true;
            }
            if (!s.tags()[j].startsWith("ADV")) {
                return false;
            }
        }
        return false;
    }

    private static boolean objectNear(Sentence s, int i, int to, List<String> objects) {
        for (int j = Math.max(0, i - 4); j < Math.min(to, i + 7); j++) {
            if (j != i && (objects.contains(s.lower(j)) || objects.contains(s.lemma(j)))) {
                return true;
            }
        }
        return false;
    }

    private Trigger noun(Sentence s, int i, int from, int to) {
        String w = s.lower(i);
        String two = i + 1 < to ? w + " " + s.lower(i + 1) : null;
        EventNoun meeting = two != null ? meetingNouns.get(two) : null;
        int last = i;
        if (meeting != null) {
            last = i + 1;
        } else {
            meeting = meetingNouns.get(w);
            if (meeting != null && i + 1 < to && meetingNouns.containsKey(w + " " + s.lower(i + 1))) {
                return null;
            }
        }
        if (meeting != null) {
            if (!governed(s, i, from)) {
                return null;
            }
            return new Trigger(FactType.MEETING, i, last, s.words()[i], meeting.cameo(), "CONSULT", meeting.mode(),
                    false, true);
        }
        if (agreementNouns.contains(w) && i + 1 < to && Set.of("by", "between", "with", "among").contains(s.lower(i + 1))
                && !(i > from && s.lower(i - 1).equals("in"))) {
            return new Trigger(FactType.AGREEMENT, i, i, s.words()[i], "057", "AGREE", null, true, true);
        }
        return null;
    }

    /**
     * An event noun reports an event when a preposition or a verb such as "have", "hold" governs it;
     * a definite "the call" refers back to one already reported.
     */
    private boolean governed(Sentence s, int i, int from) {
        for (int j = i - 1; j >= from; j--) {
            String w = s.lower(j);
            String tag = s.tags()[j];
            if (w.equals("the") || w.equals("this") || w.equals("that")) {
                return false;
            }
            if (governorPrepositions.contains(w)) {
                return true;
            }
            if (s.isVerb(j)) {
                return governorVerbs.contains(s.lemma(j)) && episodic(s, j);
            }
            boolean modifier = tag.startsWith("DET") || tag.startsWith("ADJ") || tag.startsWith("NUM")
                    || tag.startsWith("NOUN") || tag.startsWith("PROPN") || tag.startsWith("PRON") || w.equals("-")
                    || tag.startsWith("ADV");
            if (!modifier) {
                return false;
            }
        }
        return false;
    }
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.factline.domain.FactType;
import io.factline.extract.ExtractionData.EventNoun;
import io.factline.extract.ExtractionData.Trigger;

/**
 * The trigger data of every fact type (extract/triggers.json), indexed: verbs by the lemma of their
 * first word, event nouns by their words. Each reader asks only for its own type.
 */
final class Triggers {

    /** A verb trigger found at a predicate: its entry and the last token of its phrase ("call on"). */
    record VerbHit(FactType type, Trigger entry, int lastToken) {
    }

    /** An event noun found at tokens [first, last]. */
    record NounHit(FactType type, EventNoun entry, int first, int last) {
    }

    private record Entry(Trigger trigger, String[] rest) {
    }

    private final Map<FactType, Map<String, List<Entry>>> verbs = new EnumMap<>(FactType.class);
    private final Map<FactType, Map<String, EventNoun>> nouns = new EnumMap<>(FactType.class);
    private final Map<FactType, Set<String>> jointObjects = new EnumMap<>(FactType.class);
    private final Map<FactType, ExtractionData.Codes> codes = new EnumMap<>(FactType.class);
    private final Set<String> governorPrepositions;
    private final Set<String> governorVerbs;

    Triggers(ExtractionData.TriggerData data) {
        for (FactType type : FactType.values()) {
            Map<String, List<Entry>> byLemma = new HashMap<>();
            for (Trigger t : data.of(type).verbs()) {
                String[] words = t.lemma().split(" ");
                String[] rest = new String[words.length - 1];
                System.arraycopy(words, 1, rest, 0, rest.length);
                byLemma.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Entry(t, rest));
            }
            byLemma.values().forEach(l -> l.sort((a, b) -> b.rest().length - a.rest().length)); // "call on" before "call"
            verbs.put(type, byLemma);
            Map<String, EventNoun> byWords = new HashMap<>();
            data.of(type).nouns().forEach(n -> byWords.put(n.noun().toLowerCase(Locale.ROOT), n));
            nouns.put(type, byWords);
            jointObjects.put(type, Set.copyOf(data.of(type).jointObjects()));
            codes.put(type, data.of(type).codes());
        }
        this.governorPrepositions = Set.copyOf(data.governorPrepositions());
        this.governorVerbs = Set.copyOf(data.governorVerbs());
    }

    /** Every verb lemma of every type (the vocabulary {@link VerbForms} inflects). */
    Set<String> verbLemmas() {
        Set<String> out = new HashSet<>();
        verbs.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    Set<String> governorPrepositions() {
        return governorPrepositions;
    }

    Set<String> governorVerbs() {
        return governorVerbs;
    }

    /** The type's own codes, where no trigger word gives them. */
    ExtractionData.Codes codes(FactType type) {
        return codes.get(type);
    }

    Set<String> jointObjects(FactType type) {
        return jointObjects.get(type);
    }

    /** The type's trigger at the predicate's verb, if its lemma, its phrase, and the words it needs are there. */
    Optional<VerbHit> verb(Sentence s, Predicate p, FactType type) {
        List<Entry> entries = verbs.get(type).get(p.lemma());
        if (entries == null) {
            return Optional.empty();
        }
        int i = p.head();
        for (Entry e : entries) {
            int last = i;
            boolean ok = true;
            for (String w : e.rest()) {
                last++;
                while (last < s.size() && s.tags()[last].startsWith("ADV") && !s.lower(last).equals(w)) {
                    last++; // "call strongly on"
                }
                if (last >= s.size() || !(s.lower(last).equals(w) || s.lemma(last).equals(w))) {
                    ok = false;
                    break;
                }
            }
            if (!ok || i + 1 < s.size() && e.trigger().notBefore().contains(s.lower(i + 1))) {
                continue;
            }
            if (!e.trigger().needsObject().isEmpty() && !near(s, p, e.trigger().needsObject())) {
                continue;
            }
            return Optional.of(new VerbHit(type, e.trigger(), last));
        }
        return Optional.empty();
    }

    /** One of the words in the verb's reach: its arguments, or its subject when it is passive. */
    static boolean near(Sentence s, Predicate p, List<String> words) {
        int from = p.has(Predicate.Flag.PASSIVE) ? Math.max(0, p.subjectFrom()) : p.head() + 1;
        int to = Math.min(s.size(), Math.min(p.argsTo(), p.head() + 12));
        for (int j = from; j < to; j++) {
            String w = s.lower(j);
            if (j != p.head() && (words.contains(w) || words.contains(s.lemma(j)) || w.endsWith("s") && words.contains(w.substring(0, w.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The type's event noun at token i ("summit", "joint statement", "talks"), two words before one. */
    Optional<NounHit> noun(Sentence s, int i, FactType type) {
        if (!s.tags()[i].matches("NOUN.*|PROPN.*|ADJ.*|VERB.*")) {
            return Optional.empty();
        }
        Map<String, EventNoun> byWords = nouns.get(type);
        if (i + 2 < s.size()) {
            EventNoun three = byWords.get(s.lower(i) + " " + s.lower(i + 1) + " " + singular(s.lower(i + 2)));
            if (three != null) {
                return Optional.of(new NounHit(type, three, i, i + 2));
            }
        }
        if (i + 1 < s.size()) {
            EventNoun two = byWords.get(s.lower(i) + " " + singular(s.lower(i + 1)));
            if (two != null) {
                return Optional.of(new NounHit(type, two, i, i + 1));
            }
            if (byWords.containsKey(s.lower(i) + " " + s.lower(i + 1) + " " + (i + 2 < s.size() ? s.lower(i + 2) : ""))) {
                return Optional.empty();
            }
        }
        EventNoun one = byWords.get(s.lower(i));
        if (one == null) {
            one = byWords.get(singular(s.lower(i)));
        }
        if (one == null || !s.tags()[i].matches("NOUN.*|PROPN.*")) {
            return Optional.empty();
        }
        return Optional.of(new NounHit(type, one, i, i));
    }

    private static String singular(String w) {
        return w.endsWith("s") && !w.endsWith("ss") && w.length() > 3 && !w.equals("talks") && !w.equals("negotiations")
                && !w.equals("consultations") && !w.equals("guidelines") ? w.substring(0, w.length() - 1) : w;
    }
}

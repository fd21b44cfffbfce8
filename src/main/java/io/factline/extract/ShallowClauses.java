package io.factline.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.factline.extract.Predicate.Flag;
import io.factline.extract.Predicate.Relation;
import io.factline.extract.Sentence.Form;
import io.factline.extract.VerbGroups.Group;

/**
 * A clause analyser over OpenNLP's part-of-speech tags: verb groups ("has also met", "will be
 * established"), then, walking left from each one, the word that ties it to the sentence — "to",
 * "that", a relative pronoun, a conjunction, "and" — and so its relation, its governor and its
 * subject region. Coordinated verbs attach by their form: a finite verb ("welcomed") to the last
 * finite one, a bare one after "to …" ("to maintain … and secure") to that infinitive.
 */
final class ShallowClauses implements ClauseAnalyser {

    private final ExtractionData.ClauseWords words;
    private final VerbGroups verbGroups;

    ShallowClauses(ExtractionData.ClauseWords words) {
        this.words = words;
        this.verbGroups = new VerbGroups(words);
    }

    @Override
    public List<Predicate> analyse(Sentence s) {
        List<Group> groups = verbGroups.of(s);
        List<Predicate> out = new ArrayList<>(groups.size());
        List<Integer> boundaries = new ArrayList<>(groups.size());
        int[] depth = parenthesisDepth(s);
        int outside = -1; // the last predicate outside brackets: "(one of whom … would later become …)" is an aside
        for (int k = 0; k < groups.size(); k++) {
            Group g = groups.get(k);
            Reading r;
            if (depth[g.head()] > 0) {
                int open = g.first();
                while (open > 0 && !s.words()[open].equals("(")) {
                    open--;
                }
                r = new Reading(Relation.RELATIVE, outside, open + 1, g.first(), open, "(");
            } else {
                Predicate previous = outside < 0 ? null : out.get(outside);
                int lower = outside < 0 ? 0 : groups.get(outside).end() + 1;
                r = relate(s, g, previous, out, lower, depth);
                if (r.relation() != Relation.PARTICIPLE && r.relation() != Relation.RELATIVE) {
                    outside = k; // a modifier ("the industry now emerging as …") does not end the clause around it
                }
            }
            boundaries.add(r.boundary);
            out.add(new Predicate(g.first(), g.head(), s.size(), s.lemma(g.head()), r.relation, r.governor,
                    r.subjectFrom, r.subjectTo, verbGroups.flags(s, g, r.relation(), r.conjunction()), r.conjunction));
        }
        return withArgumentEnds(out, boundaries, s.size());
    }

    private record Reading(Relation relation, int governor, int subjectFrom, int subjectTo, int boundary, String conjunction) {
    }

    /** How deep inside round brackets each token is (the brackets themselves count as inside). */
    private static int[] parenthesisDepth(Sentence s) {
        int[] depth = new int[s.size()];
        int d = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.words()[i].equals("(")) {
                d++;
            }
            depth[i] = d;
            if (s.words()[i].equals(")") && d > 0) {
                d--;
                depth[i] = d + 1;
            }
        }
        return depth;
    }

    private Reading relate(Sentence s, Group g, Predicate previous, List<Predicate> before, int lower, int[] depth) {
        int p = g.first();
        int b = p - 1;
        while (b >= lower && s.tags()[b].startsWith("ADV") && !words.negation().contains(s.lower(b))) {
            b--;
        }
        int k = before.size();
        int previousIndex = previous == null ? -1 : before.indexOf(previous);
        Form form = s.form(g.head());
        if (b >= 0 && s.lower(b).equals("to") && (s.tags()[b].startsWith("PART") || form == Form.BASE || form == Form.ING)) {
            return infinitive(s, b, previous, before, previousIndex + 1);
        }
        if (form == Form.ING && g.first() == g.head()) {
            String marker = b >= 0 ? s.lower(b) : "";
            if (words.temporal().contains(marker)) { // "…, securing deals while visiting the ROK": the clause's subject visits
                return inherit(Relation.ADVERBIAL, -1, b, marker, before, previousIndex);
            }
            return inherit(Relation.PARTICIPLE, previousIndex, b, marker, before, previousIndex);
        }
        if (previous != null && b >= lower && s.words()[b].equals(",") && g.first() == g.head()
                && (form == Form.PAST || form == Form.PARTICIPLE) && !words.speech().contains(s.lemma(g.head()))) {
            return inherit(Relation.PARTICIPLE, previousIndex, b, null, before, previousIndex); // "…, backed by America's strength"
        }
        boolean subjectWords = false;
        for (int i = p - 1; i >= lower; i--) {
            if (depth[i] > 0) {
                continue; // an aside in brackets neither ends the clause nor is its subject
            }
            String w = s.lower(i);
            String tag = s.tags()[i];
            if (words.relative().contains(w)) {
                if ((w.equals("where") || w.equals("when")) && i > 0 && s.words()[i - 1].equals(",") && subjectWords) {
                    return own(Relation.ADVERBIAL, -1, i + 1, p, i, w); // "…, where they agreed": what happened there
                }
                return own(Relation.RELATIVE, previousIndex, antecedentStart(s, i, lower), i, i, w);
            }
            if (w.equals("that") && !(tag.startsWith("DET") && i + 1 < p && s.tags()[i + 1].matches("NOUN.*|ADJ.*"))) {
                boolean afterNoun = i > 0 && s.tags()[i - 1].matches("NOUN.*|PROPN.*|NUM.*")
                        && !words.contentNouns().contains(s.lower(i - 1));
                if (afterNoun && !subjectWords) { // "troops that …": the noun is the subject
                    return own(Relation.RELATIVE, previousIndex, antecedentStart(s, i, lower), i, i, w);
                }
                return own(Relation.COMPLEMENT, previousIndex, i + 1, p, i, w);
            }
            if (adverbialConjunction(s, i)) {
                return own(Relation.ADVERBIAL, -1, i + 1, p, i, w);
            }
            if (w.equals(";") || w.equals(":")) {
                return own(Relation.MAIN, -1, i + 1, p, i, null);
            }
            if (previous != null && coordinator(s, i)) {
                if (!subjectWords) {
                    return coordinated(s, g, i, before.subList(0, previousIndex + 1), w);
                }
                if (!internalConjunction(s, lower, i)) {
                    return own(Relation.MAIN, -1, i + 1, p, i, w);
                }
            }
            if (previous != null && w.equals(",") && subjectWords && !listComma(s, lower, i)) {
                return own(Relation.MAIN, -1, i + 1, p, i, null);
            }
            if (previous != null && w.equals(",") && !subjectWords && words.speech().contains(s.lemma(g.head()))) {
                return inverted(s, g, i);
            }
            subjectWords |= tag.matches("NOUN.*|PROPN.*|PRON.*|NUM.*");
        }
        if (previous == null) {
            return own(Relation.MAIN, -1, 0, p, -1, null);
        }
        if (!subjectWords && g.first() == g.head() && form == Form.PAST && p > 0 && s.tags()[p - 1].matches("NOUN.*|PROPN.*")) {
            return own(Relation.RELATIVE, previousIndex, lower, p, lower - 1, null); // "the alert issued by …"
        }
        return own(Relation.COMPLEMENT, previousIndex, lower, p, lower - 1, null); // "said the US will …"
    }

    /** "if", "when", "although" …; "as", "after", "before", "since", "until" only where tagged as conjunctions. */
    private boolean adverbialConjunction(Sentence s, int i) {
        String w = s.lower(i);
        boolean listed = words.conditional().contains(w) || words.temporal().contains(w) || words.concessive().contains(w);
        if (!listed || w.equals("as") && i >= 2 && s.lower(i - 1).equals("well")) {
            return false;
        }
        return s.tags()[i].startsWith("SCONJ") || !words.prepositional().contains(w);
    }

    private boolean coordinator(Sentence s, int i) {
        String w = s.lower(i);
        return words.coordinators().contains(w) && (s.tags()[i].startsWith("CCONJ") || w.equals("and"))
                || w.equals("as") && i >= 2 && s.lower(i - 1).equals("well") && s.lower(i - 2).equals("as");
    }

    /**
     * Whether a conjunction with a subject after it joins names inside one subject ("the Secretary and
     * the Foreign Ministers") rather than two clauses ("…, and they expressed"): words of a subject
     * before it too, back to the last comma.
     */
    private static boolean internalConjunction(Sentence s, int lower, int conj) {
        int i = conj - 1;
        boolean words = false;
        while (i >= lower && !s.words()[i].equals(",")) {
            words |= s.tags()[i].matches("NOUN.*|PROPN.*|PRON.*|NUM.*");
            i--;
        }
        if (words) {
            return true;
        }
        return i >= lower && listComma(s, lower, i);
    }

    /** A comma of a list of short names ("Japan, the ROK, and the United States"), not of clauses. */
    private static boolean listComma(Sentence s, int lower, int comma) {
        int i = comma - 1;
        int length = 0;
        boolean name = false;
        while (i >= lower && !s.words()[i].equals(",")) {
            name |= s.tags()[i].startsWith("PROPN");
            length++;
            i--;
        }
        return name && length <= 5 && i >= lower && s.words()[i].equals(",");
    }

    private static Reading own(Relation relation, int governor, int from, int to, int boundary, String conjunction) {
        return new Reading(relation, governor, from, to, boundary, conjunction);
    }

    /** A relation whose subject is its governor's (an infinitive's, a participle's). */
    private static Reading inherit(Relation relation, int governor, int boundary, String conjunction, List<Predicate> before,
                                   int subjectOf) {
        if (subjectOf >= 0 && subjectOf < before.size()) {
            Predicate gov = before.get(subjectOf);
            return new Reading(relation, governor, gov.subjectFrom(), gov.subjectTo(), boundary, conjunction);
        }
        return new Reading(relation, governor, -1, -1, boundary, conjunction);
    }

    /**
     * "to" + verb: the content of the verb before it ("agreed to hold"), another infinitive joined
     * to one ("to maintain … and to secure"), or an act in its own right after "pleased", "glad"
     * ("are pleased to launch a dialogue": they launch it).
     */
    private Reading infinitive(Sentence s, int to, Predicate previous, List<Predicate> before, int k) {
        if (previous == null) {
            return new Reading(Relation.INFINITIVE, -1, -1, -1, to, "to"); // "To spur growth, …": a purpose
        }
        int conj = to - 1;
        if (conj >= 0 && (s.lower(conj).equals("and") || s.lower(conj).equals("or")) && previous.relation() == Relation.INFINITIVE) {
            return new Reading(Relation.INFINITIVE, previous.governor(), previous.subjectFrom(), previous.subjectTo(), conj, "to");
        }
        for (int i = previous.head() + 1; i < to; i++) {
            if (words.actingAdjectives().contains(s.lower(i))) {
                return new Reading(Relation.COORDINATED, k - 1, previous.subjectFrom(), previous.subjectTo(), to, "to");
            }
        }
        return new Reading(Relation.INFINITIVE, k - 1, previous.subjectFrom(), previous.subjectTo(), to, "to");
    }

    /**
     * A verb after "and" with no subject of its own shares its governor's. A finite verb, or one
     * after ", and", joins the last finite verb; a bare one joins the infinitive right before it.
     */
    private Reading coordinated(Sentence s, Group g, int conj, List<Predicate> before, String conjunction) {
        boolean comma = conj > 0 && s.words()[conj - 1].equals(",");
        Form form = s.form(g.head());
        boolean finite = form == Form.PAST || form == Form.PRESENT_3SG || g.first() < g.head() || comma;
        int gov = before.size() - 1;
        if (finite) {
            int sameForm = -1;
            for (int j = before.size() - 1; j >= 0 && sameForm < 0; j--) { // verbs joined by "and" share their tense
                Relation r = before.get(j).relation();
                if ((r == Relation.MAIN || r == Relation.COORDINATED || r == Relation.COMPLEMENT || r == Relation.ADVERBIAL)
                        && s.form(before.get(j).head()) == form) {
                    sameForm = j;
                }
            }
            if (sameForm >= 0) {
                gov = sameForm;
            } else {
                while (gov >= 0 && before.get(gov).relation() != Relation.MAIN && before.get(gov).relation() != Relation.COORDINATED
                        && before.get(gov).relation() != Relation.COMPLEMENT && before.get(gov).relation() != Relation.ADVERBIAL) {
                    gov = before.get(gov).governor() >= 0 ? before.get(gov).governor() : gov - 1;
                }
                if (gov < 0) {
                    gov = before.size() - 1;
                }
            }
        }
        Predicate governor = before.get(gov);
        if (governor.relation() == Relation.INFINITIVE || governor.relation() == Relation.PARTICIPLE
                || governor.relation() == Relation.RELATIVE) {
            return new Reading(governor.relation(), governor.governor(), governor.subjectFrom(), governor.subjectTo(), conj, conjunction);
        }
        return new Reading(Relation.COORDINATED, gov, governor.subjectFrom(), governor.subjectTo(), conj, conjunction);
    }

    /** "…, said a spokesman": the subject follows the verb, up to the next comma. */
    private Reading inverted(Sentence s, Group g, int comma) {
        if (g.end() + 1 >= s.size()) {
            return new Reading(Relation.MAIN, -1, -1, -1, comma, null); // "…, said" and nothing after
        }
        int end = g.end() + 1;
        while (end < s.size() && !s.words()[end].equals(",") && !s.words()[end].equals(".")) {
            end++;
        }
        return new Reading(Relation.MAIN, -1, g.end() + 1, end, comma, null);
    }

    /** Where the noun a relative clause modifies begins: after the last comma, conjunction or verb before it. */
    private static int antecedentStart(Sentence s, int relative, int lower) {
        int i = relative - 1;
        while (i >= lower && !s.words()[i].equals(",") && !s.isVerb(i) && !s.lower(i).equals("and")) {
            i--;
        }
        return i + 1;
    }

    /** Each predicate's arguments end where the next verb of its level (or a new clause) begins. */
    private static List<Predicate> withArgumentEnds(List<Predicate> in, List<Integer> boundaries, int size) {
        List<Predicate> out = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            int end = size;
            for (int j = k + 1; j < in.size(); j++) {
                Relation r = in.get(j).relation();
                if (r == Relation.MAIN || r == Relation.COORDINATED && in.get(j).governor() <= k
                        || r == Relation.ADVERBIAL && in.get(j).subjectFrom() > in.get(k).head()) {
                    end = Math.max(in.get(k).head() + 1, boundaries.get(j) >= 0 ? boundaries.get(j) : in.get(j).first());
                    break;
                }
            }
            Predicate p = in.get(k);
            out.add(new Predicate(p.first(), p.head(), end, p.lemma(), p.relation(), p.governor(), p.subjectFrom(),
                    p.subjectTo(), p.flags(), p.conjunction()));
        }
        return out;
    }


}

package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.factline.domain.FactType;
import io.factline.extract.DateFinder.DateMention;

/**
 * Events named by noun phrases: "the 2018 Singapore summit", "the joint statement of September 22,
 * 2025", "Kim's 2023 meeting with Putin", "during a phone call". A phrase states an event of its own
 * when it carries its own date or is governed by a preposition or verb that says it took place
 * ("at a summit", "held talks"); one that only refers back ("the call") or is what a verb of its
 * own type acts on ("signed a treaty") does not.
 */
final class NominalEvents {

    /** An event noun phrase: its type and noun, its extent [start, end) in tokens, its own date, how it is governed. */
    record NounEvent(FactType type, Triggers.NounHit hit, int start, int end, DateMention ownDate, boolean governed,
                     boolean byPreposition, boolean definite, boolean named, Predicate governorVerb) {

        /** Its own date lies after the document's: an occasion announced, not one that took place. */
        boolean future(LocalDate documentDate) {
            return documentDate != null && ownDate != null && ownDate.date().start().isAfter(documentDate);
        }
    }

    private static final Set<String> EXTENDERS = Set.of("of", "in", "on", "with", "between", "to", "among", "at", "by");

    private final Triggers triggers;

    NominalEvents(Triggers triggers) {
        this.triggers = triggers;
    }

    /** Every event noun phrase of the type in the sentence, whether or not it states a fact. */
    List<NounEvent> find(SentenceParse parse, FactType type) {
        Sentence s = parse.s;
        List<NounEvent> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            var hit = triggers.noun(s, i, type);
            if (hit.isEmpty() || isVerbHead(parse, hit.get().first())) {
                continue;
            }
            int start = leftEdge(s, hit.get().first());
            int end = rightEdge(parse, hit.get().last() + 1);
            DateMention own = null;
            for (DateMention d : parse.datesIn(start, end)) {
                if (!d.target() && !d.span() && !d.relative() && d.date().isKnown()) {
                    own = d;
                    break;
                }
            }
            boolean named = Character.isUpperCase(s.words()[hit.get().first()].charAt(0)) && hit.get().first() > 0
                    && !s.words()[hit.get().first() - 1].equals(".");
            Predicate verb = governingVerb(parse, start);
            boolean preposition = start > 0 && triggers.governorPrepositions().contains(s.lower(start - 1));
            boolean governed = preposition
                    || verb != null && (triggers.governorVerbs().contains(verb.lemma()) || sameType(parse, verb, type));
            String determiner = s.lower(start);
            boolean definite = determiner.equals("the") || determiner.equals("this") || determiner.equals("that");
            out.add(new NounEvent(type, hit.get(), start, end, own, governed, preposition, definite, named, verb));
            i = hit.get().last();
        }
        return out;
    }

    /** The noun is the verb of a predicate ("visit" in "will visit"): that is the verb's business. */
    private static boolean isVerbHead(SentenceParse parse, int token) {
        return parse.predicates.stream().anyMatch(p -> p.head() == token);
    }

    /** Determiners, numbers, adjectives, names and possessors before the noun. */
    private static int leftEdge(Sentence s, int noun) {
        int i = noun - 1;
        while (i >= 0) {
            String tag = s.tags()[i];
            String w = s.lower(i);
            boolean modifier = tag.matches("DET.*|ADJ.*|NUM.*|PROPN.*|NOUN.*") || w.equals("-") || w.equals("'s") || w.equals("’s")
                    || w.matches("[-–][\\p{L}.]+") // "Japan -India": the tokenizer's piece of "Japan-India"
                    || tag.startsWith("PRON") && (w.equals("their") || w.equals("our") || w.equals("its") || w.equals("his") || w.equals("her"))
                    || tag.startsWith("PART") && !w.equals("to") && !w.equals("not");
            if (!modifier) {
                break;
            }
            i--;
        }
        return i + 1;
    }

    /** "of September 22, 2025", "with Putin in Russia", "to Pyongyang", "of Cooperation": what follows the noun and belongs to it. */
    private static int rightEdge(SentenceParse parse, int from) {
        Sentence s = parse.s;
        int i = from;
        while (i < s.size() && EXTENDERS.contains(s.lower(i))) {
            int j = i + 1;
            boolean agency = s.lower(i).equals("by");
            while (j < s.size() && (s.tags()[j].matches("DET.*|PROPN.*|NUM.*|ADJ.*") || agency && s.tags()[j].startsWith("NOUN") || s.words()[j].equals(",") && j + 1 < s.size()
                    && s.tags()[j + 1].startsWith("NUM") || s.lower(j).equals("and") && j + 1 < s.size() && s.tags()[j + 1].startsWith("PROPN"))) {
                j++;
            }
            if (j == i + 1) {
                break;
            }
            i = j;
        }
        return i;
    }

    /** A verb whose object the phrase is: the verb right before it ("held talks", "signed a treaty"). */
    private static Predicate governingVerb(SentenceParse parse, int start) {
        for (Predicate p : parse.predicates) {
            int gap = start - p.head();
            if (gap == 1 || gap == 2 && parse.s.tags()[p.head() + 1].matches("ADV.*|PART.*")) {
                return p;
            }
        }
        return null;
    }

    private boolean sameType(SentenceParse parse, Predicate verb, FactType type) {
        return triggers.verb(parse.s, verb, type).isPresent();
    }
}

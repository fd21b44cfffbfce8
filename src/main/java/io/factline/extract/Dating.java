package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.factline.domain.FactDate;
import io.factline.extract.DateFinder.DateMention;
import io.factline.extract.Predicate.Relation;

/**
 * When an act happened. In order: a date of the act's own clause, nearest its verb (not one inside
 * what was agreed or said, not a target such as "by 2030", not one end of a span, not the date of an
 * event the clause only names); a date opening the sentence ("In March 2024, …", "At a June 2024
 * summit, …", "As the war drew to a close in August of 1945, …"); none for "has said" in analysis;
 * else the story's date in a narrative, or the document's own date for an act in the present tense
 * or with nothing else to go by ("Today, the Leaders …").
 */
final class Dating {

    /** {@code own}: the sentence gives it; {@code opening}: it opens the sentence, before any verb. */
    record Dated(FactDate date, FactDate target, boolean inherited, boolean own, boolean opening) {
        Dated(FactDate date, FactDate target, boolean inherited, boolean own) {
            this(date, target, inherited, own, false);
        }
    }

    private static final Set<Relation> EMBEDDED = Set.of(Relation.INFINITIVE, Relation.COMPLEMENT, Relation.RELATIVE,
            Relation.PARTICIPLE);

    /** The date of the act the predicate states; nominal dates are those of events named as noun phrases. */
    Dated of(SentenceParse parse, Predicate p, List<DateMention> nominalDates) {
        FactDate target = null;
        for (DateMention d : parse.datesIn(p.head() + 1, p.argsTo())) {
            boolean agreedFor = parse.predicates.stream().anyMatch(q -> q.relation() == Relation.INFINITIVE
                    && q.governor() >= 0 && parse.predicates.get(q.governor()) == p && within(parse, d, q));
            if ((d.target() || agreedFor) && d.date().isKnown()) { // "by 2030"; "agreed to open the bridge on May 1, 2031"
                target = d.date();
                break;
            }
        }
        DateMention own = nearest(parse, p, ownCandidates(parse, p, nominalDates));
        if (own != null) {
            return new Dated(own.date(), target, false, true);
        }
        DateMention opening = latest(openingCandidates(parse, p, nominalDates));
        if (opening != null) {
            boolean first = parse.predicates.isEmpty() || opening.start() < parse.s.tokenStarts()[parse.predicates.get(0).first()];
            return new Dated(opening.date(), target, false, true, first);
        }
        if (p.has(Predicate.Flag.PERFECT)) {
            return new Dated(FactDate.unknown(null), target, false, false); // "Putin has said …": no occasion
        }
        return new Dated(inherited(parse, p), target, true, false);
    }

    /** The date an act with none of its own takes: the document's for the present tense, else the story's, else the document's. */
    static FactDate inherited(SentenceParse parse, Predicate p) {
        Discourse d = parse.discourse;
        LocalDate documentDate = d.documentDate();
        Sentence.Form form = p == null ? null : parse.s.form(p.head());
        boolean present = p != null && !p.has(Predicate.Flag.PAST_PERFECT) && p.relation() != Relation.PARTICIPLE
                && (form == Sentence.Form.BASE || form == Sentence.Form.PRESENT_3SG || p.has(Predicate.Flag.PROGRESSIVE));
        if (documentDate != null && (present || d.narrativeDate() == null)) {
            return FactDate.day(documentDate, null);
        }
        return d.narrativeDate() != null ? d.narrativeDate() : FactDate.unknown(null);
    }

    /** Dates of the verb's own words and arguments, less those of clauses and events inside them. */
    private static List<DateMention> ownCandidates(SentenceParse parse, Predicate p, List<DateMention> nominalDates) {
        List<DateMention> out = new ArrayList<>();
        for (DateMention d : parse.datesIn(p.first(), p.argsTo())) {
            if (usable(parse, d) && !nominalDates.contains(d) && !insideEmbedded(parse, p, d)) {
                out.add(d);
            }
        }
        for (DateMention d : parse.dates) { // "since September 2025" anywhere in the clause
            if (d.since() && usable(parse, d) && !out.contains(d) && d.start() >= endOffset(parse, Math.max(0, p.subjectFrom()))
                    && d.start() < endOffset(parse, p.argsTo())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Dates before the verb, nearest first: those opening the sentence or the clause ("In March 2024,
     * …", "As the war drew to a close in August of 1945, …") and those of the verb it is coordinated
     * with ("met in Seoul on Friday and agreed …"), not those inside what someone said or agreed.
     */
    private static List<DateMention> openingCandidates(SentenceParse parse, Predicate p, List<DateMention> nominalDates) {
        List<DateMention> out = new ArrayList<>();
        for (DateMention d : parse.datesIn(0, p.first())) {
            if (usable(parse, d) && !nominalDates.contains(d) && !insideRelativeOrSaid(parse, d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * A date that can be an act's: not a target, not one end of a span, not quoted, not after the
     * document's own date (that is a plan, not an act), and not a relative one that only places a
     * noun in the current period ("launches this year").
     */
    private static boolean usable(SentenceParse parse, DateMention d) {
        LocalDate written = parse.discourse.documentDate();
        boolean future = written != null && d.date().isKnown() && d.date().start().isAfter(written);
        return !d.target() && !d.span() && !parse.inQuotes(d.start()) && !future && !currentPeriodOfNoun(parse, d);
    }

    /** "launches this year", "meeting this month": a period containing the document's date, after a noun. */
    private static boolean currentPeriodOfNoun(SentenceParse parse, DateMention d) {
        LocalDate written = parse.discourse.documentDate();
        if (!d.relative() || written == null || !d.date().isKnown() || d.date().precision() == io.factline.domain.DatePrecision.DAY
                || written.isBefore(d.date().start())
                || written.isAfter(d.date().end())) {
            return false;
        }
        int tok = parse.s.tokenAt(d.start());
        return tok > 0 && parse.s.tags()[tok - 1].matches("NOUN.*|PROPN.*");
    }

    private static boolean insideEmbedded(SentenceParse parse, Predicate p, DateMention d) {
        for (Predicate q : parse.predicates) {
            if (q != p && EMBEDDED.contains(q.relation()) && q.first() > p.head() && within(parse, d, q)) {
                return true;
            }
            if (q != p && q.first() > p.head() && q.relation() == Relation.COORDINATED && parse.root(q) != parse.root(p)
                    && within(parse, d, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideRelativeOrSaid(SentenceParse parse, DateMention d) {
        for (Predicate q : parse.predicates) {
            if ((q.relation() == Relation.RELATIVE || q.relation() == Relation.COMPLEMENT || q.relation() == Relation.INFINITIVE)
                    && within(parse, d, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(SentenceParse parse, DateMention d, Predicate q) {
        return d.start() >= parse.s.tokenStarts()[q.first()] && d.start() < endOffset(parse, q.argsTo());
    }

    private static int endOffset(SentenceParse parse, int token) {
        return token >= parse.s.size() ? parse.s.end() : parse.s.tokenStarts()[token];
    }

    private static DateMention nearest(SentenceParse parse, Predicate p, List<DateMention> candidates) {
        int at = parse.s.tokenStarts()[p.head()];
        DateMention best = null;
        for (DateMention d : candidates) {
            if (best == null || Math.abs(d.start() - at) < Math.abs(best.start() - at)) {
                best = d;
            }
        }
        return best;
    }

    private static DateMention latest(List<DateMention> candidates) {
        return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
    }
}

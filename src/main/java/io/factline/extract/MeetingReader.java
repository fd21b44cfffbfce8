package io.factline.extract;

import java.util.ArrayList;
import java.util.List;

import io.factline.domain.FactActor;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/**
 * Meetings: summits, visits, calls, talks — a verb of the MEETING entry with two or more
 * participants (the subject, the one right after the verb, those joined by "with", "and", "to"),
 * or a visit to a state; and meetings named as noun phrases when governed ("at a June 2024 summit in
 * Pyongyang", "had a phone conversation") or dated ("Kim's 2023 meeting with Putin"), their
 * participants named in the phrase or, for one opening the sentence, the clause's subject.
 */
final class MeetingReader implements FactReader {

    private final ReaderTools tools;

    MeetingReader(ReaderTools tools) {
        this.tools = tools;
    }

    /** A document's title: the occasion it names, with everyone it names. */
    void readHeadline(SentenceParse parse, List<FactDraft> out) {
        for (NominalEvents.NounEvent e : tools.nominal().find(parse, FactType.MEETING)) {
            if (nominalMeeting(parse, e, out, true)) {
                return;
            }
        }
    }

    @Override
    public void read(SentenceParse parse, List<FactDraft> sentenceFacts) {
        boolean verbMeeting = false;
        for (Predicate p : parse.predicates) {
            var hit = tools.triggers().verb(parse.s, p, FactType.MEETING);
            if (hit.isEmpty() || !parse.statesAnAct(p) && !(p.has(Predicate.Flag.PERFECT) && p.factual() && main(parse, p))) {
                continue;
            }
            List<Mention> subject = Participants.doers(parse, p);
            List<Mention> all = new ArrayList<>(subject);
            all.addAll(Participants.company(parse, p, hit.get().lastToken()));
            List<String> ids = SentenceParse.ids(all);
            String mode = hit.get().entry().mode();
            boolean pronounObject = hit.get().lastToken() + 1 < parse.s.size()
                    && parse.s.lower(hit.get().lastToken() + 1).matches("him|her|them|us|me");
            if (ids.size() < 2 && !(ids.size() == 1 && pronounObject)) {
                continue; // "MND phoned him": a call has two sides even when the text leaves one unnamed
            }
            List<FactActor> actors = roles(parse, p, hit.get().lastToken(), all, subject, mode);
            Drafting.Codes codes = Drafting.Codes.of(hit.get().entry());
            List<DateFinder.DateMention> occasions = occasions(parse, p);
            if (occasions.size() >= 2) { // "have met three times: in Singapore in June 2018, in Hanoi in February 2019 …"
                for (DateFinder.DateMention d : occasions) {
                    Dating.Dated dated = new Dating.Dated(d.date(), null, false, true);
                    sentenceFacts.add(tools.drafting().draft(parse, FactType.MEETING, codes, actors, dated, 0.75));
                }
            } else {
                Dating.Dated dated = tools.dateOf(parse, p);
                double confidence = Drafting.confidence(0.8, subject, dated);
                sentenceFacts.add(tools.drafting().draft(parse, FactType.MEETING, codes, actors, dated, confidence));
            }
            parse.discourse.jointActors(ids);
            verbMeeting = true;
        }
        for (NominalEvents.NounEvent e : tools.nominal().find(parse, FactType.MEETING)) {
            // a verb's meeting is the occasion; a named one with a date of its own is another ("convened … since our Summit in August 2023")
            if ((!verbMeeting || e.ownDate() != null && !e.byPreposition()) && nominalMeeting(parse, e, sentenceFacts, false)) {
                break; // one meeting named per sentence: "summit … talks" is one occasion
            }
        }
    }

    /**
     * The occasions a meeting verb lists after a count or a colon ("met three times: in Singapore in
     * June 2018, in Hanoi in February 2019 and at Panmunjom in June 2019"): each is a meeting of its own.
     */
    private static List<DateFinder.DateMention> occasions(SentenceParse parse, Predicate p) {
        Sentence s = parse.s;
        boolean listed = false;
        for (int i = p.head() + 1; i < p.argsTo() && i <= p.head() + 4; i++) {
            listed |= s.words()[i].equals(":") || s.lower(i).matches("times|twice|thrice");
        }
        if (!listed) {
            return List.of();
        }
        List<DateFinder.DateMention> out = new ArrayList<>();
        for (DateFinder.DateMention d : parse.datesIn(p.head() + 1, p.argsTo())) {
            boolean future = parse.discourse.documentDate() != null && d.date().isKnown()
                    && d.date().start().isAfter(parse.discourse.documentDate());
            if (!d.relative() && !d.target() && !d.span() && d.date().isKnown() && !future
                    && out.stream().noneMatch(o -> o.date().equals(d.date()))) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean main(SentenceParse parse, Predicate p) {
        return parse.effectiveRelation(p) == Predicate.Relation.MAIN;
    }

    /** A meeting named as a noun phrase that states its own occasion. */
    private boolean nominalMeeting(SentenceParse parse, NominalEvents.NounEvent e, List<FactDraft> out, boolean headline) {
        if (!(e.ownDate() != null || e.governed()) || afterCopula(parse, e) || e.future(parse.discourse.documentDate())
                || underNonFactual(parse, e)) {
            return false;
        }
        if (e.definite() && e.ownDate() == null && !e.named() && parse.discourse.factInParagraph(FactType.MEETING)) {
            return false; // "During the call, …": the meeting the paragraph already reported
        }
        List<Mention> inPhrase = new ArrayList<>();
        for (Mention m : parse.mentionsIn(e.start(), e.end())) {
            if (!parse.isPlace(m) || parse.token(m) > e.hit().last()) {
                inPhrase.add(m);
            }
        }
        List<Mention> participants = new ArrayList<>(inPhrase);
        Predicate clause = clauseOf(parse, e);
        if (clause != null && (SentenceParse.ids(participants).size() < 2)) {
            participants.addAll(clause.relation() == Predicate.Relation.MAIN || parse.statesAnAct(clause)
                    ? Participants.doers(parse, clause) : List.of());
            if (e.governorVerb() != null) {
                participants.addAll(Participants.company(parse, e.governorVerb(), e.end() - 1));
            }
        }
        if (headline && SentenceParse.ids(participants).size() < 2) { // "Remarks by President Biden and President Yoon in Joint Press Conference"
            participants = parse.mentions.stream().filter(m -> !parse.isPlace(m) && !parse.isAffiliation(m, parse.mentions)).toList();
        }
        List<String> ids = SentenceParse.ids(participants);
        if (ids.size() < 2 && !e.named()) {
            return false;
        }
        Dating.Dated dated = e.ownDate() != null ? new Dating.Dated(e.ownDate().date(), null, false, true)
                : clause != null ? tools.dating().of(parse, clause, List.of())
                : new Dating.Dated(Dating.inherited(parse, null), null, true, false);
        ExtractionData.EventNoun noun = e.hit().entry();
        List<FactActor> actors = new ArrayList<>();
        for (String id : ids) {
            actors.add(new FactActor(id, Role.PARTICIPANT));
        }
        out.add(tools.drafting().draft(parse, FactType.MEETING, Drafting.Codes.of(noun), actors, dated, 0.7));
        if (ids.size() >= 2) {
            parse.discourse.jointActors(ids);
        }
        return true;
    }

    /** The clause the phrase belongs to: the verb it is the object of, else the first act of the sentence after it. */
    private static Predicate clauseOf(SentenceParse parse, NominalEvents.NounEvent e) {
        if (e.governorVerb() != null) {
            return e.governorVerb();
        }
        for (Predicate p : parse.predicates) {
            if (p.relation() == Predicate.Relation.MAIN && (p.first() >= e.end() || p.argsTo() >= e.end())) {
                return p;
            }
        }
        return null;
    }

    /** "was his first summit": a phrase that describes rather than names an occasion. */
    private static boolean afterCopula(SentenceParse parse, NominalEvents.NounEvent e) {
        for (int i = e.start() - 1; i >= 0 && i >= e.start() - 2; i--) {
            if (parse.s.lemma(i).equals("be") && parse.s.tags()[i].startsWith("AUX")) {
                return true;
            }
        }
        return false;
    }

    /** A phrase inside a clause that is negated, modal or future: "a summit will be held". */
    private static boolean underNonFactual(SentenceParse parse, NominalEvents.NounEvent e) {
        for (Predicate p : parse.predicates) {
            boolean covers = Math.max(0, p.subjectFrom()) <= e.start() && e.end() <= p.argsTo();
            if (covers && !p.factual() && p.head() >= e.end() - 1 && p.subjectFrom() >= 0) {
                return true;
            }
            if (covers && !p.factual() && p.head() < e.start()) {
                return true;
            }
        }
        return false;
    }

    /** Host and visitor of a visit or a hosted meeting; participants otherwise. */
    private static List<FactActor> roles(SentenceParse parse, Predicate p, int last, List<Mention> all, List<Mention> subject,
                                         String mode) {
        Sentence s = parse.s;
        boolean visit = "visit".equals(mode);
        boolean host = "host".equals(mode);
        int destination = last + 1 < s.size() && s.lower(last + 1).equals("to") ? s.tokenEnds()[last + 1] : -1;
        Mention first = subject.isEmpty() ? null : subject.get(0);
        List<FactActor> actors = new ArrayList<>();
        for (Mention m : all) {
            boolean inSubject = subject.contains(m);
            Role role = host ? (inSubject ? Role.HOST : Role.VISITOR)
                    : !visit ? Role.PARTICIPANT
                    : inSubject ? Role.VISITOR
                    : m.start() >= s.tokenEnds()[last] && (destination < 0 || m.start() <= destination + 6) ? Role.HOST
                    : Role.PARTICIPANT;
            for (String id : m.actorIds()) {
                if (actors.stream().noneMatch(a -> a.actorId().equals(id))) {
                    actors.add(new FactActor(id, role));
                }
            }
        }
        if (first == null) {
            return actors;
        }
        return actors;
    }
}

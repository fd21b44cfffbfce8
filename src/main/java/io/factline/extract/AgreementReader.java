package io.factline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.factline.domain.FactType;
import io.factline.domain.Role;

/**
 * Agreements: two or more parties agree, sign, decide, reaffirm or commit together, launch or end
 * a joint body, reach a deal — a verb of the AGREEMENT entry in a clause that states an act, its
 * parties the subject (or the agent of a passive), joint bodies standing for their members. A
 * "joint" verb needs two sides. A statement verb whose object is the parties' own commitment
 * ("emphasized their joint commitment") is theirs together. Agreements named as noun phrases count
 * when they carry their own date ("the July 7 trilateral Memorandum of Cooperation"). A purchase with a price
 * is a deal even when announced as future ("will purchase 103 aircraft valued at $36.2 billion").
 */
final class AgreementReader implements FactReader {

    private final ReaderTools tools;
    private final Set<String> jointAdjectives;

    AgreementReader(ReaderTools tools, Set<String> jointAdjectives) {
        this.tools = tools;
        this.jointAdjectives = jointAdjectives;
    }

    @Override
    public void read(SentenceParse parse, List<FactDraft> sentenceFacts) {
        for (Predicate p : parse.predicates) {
            var hit = tools.triggers().verb(parse.s, p, FactType.AGREEMENT);
            ExtractionData.Trigger entry;
            if (hit.isPresent()) {
                entry = hit.get().entry();
            } else if (tools.triggers().verb(parse.s, p, FactType.STATEMENT).isPresent() && jointObject(parse, p)) {
                ExtractionData.Codes own = tools.triggers().codes(FactType.AGREEMENT);
                entry = new ExtractionData.Trigger(p.lemma(), own.cameo(), own.plover(), own.mode(), "joint", null, null, null, null);
            } else {
                continue;
            }
            if (!(parse.statesAnAct(p) || deal(parse, p, entry) || purpose(parse, p))) {
                continue;
            }
            List<Mention> doers = purpose(parse, p) ? parse.subject(parse.predicates.get(p.governor())) : Participants.doers(parse, p);
            if (doers.isEmpty() && p.has(Predicate.Flag.PASSIVE) && entry.passiveActs()) {
                doers = parse.mentionsIn(Math.max(0, p.subjectFrom()), p.argsTo());
            }
            List<String> parties = new ArrayList<>(Participants.members(parse, SentenceParse.ids(doers)));
            if (!entry.joint()) {
                for (Mention m : Participants.company(parse, p, hit.map(Triggers.VerbHit::lastToken).orElse(p.head()))) {
                    if (parse.s.lower(parse.token(m) - 1).equals("with") || parse.s.lower(parse.token(m) - 1).equals("between")) {
                        parties.addAll(m.actorIds());
                    }
                }
            }
            parties = List.copyOf(new LinkedHashSet<>(parties));
            if (parties.isEmpty() || entry.joint() && Participants.sides(parse, parties) < 2) {
                continue;
            }
            Dating.Dated dated = tools.dateOf(parse, p);
            double confidence = Drafting.confidence(0.8, doers, dated);
            sentenceFacts.add(tools.drafting().draft(parse, FactType.AGREEMENT, Drafting.Codes.of(entry),
                    Drafting.withRole(parties, Role.PARTY), dated, confidence));
        }
        for (NominalEvents.NounEvent e : tools.nominal().find(parse, FactType.AGREEMENT)) {
            nominalAgreement(parse, e, sentenceFacts);
        }
    }

    /**
     * A named agreement with its own date ("the joint statement of September 22, 2025", "the 2007 free
     * trade agreement"), or one governed ("under the agreement"), that no verb of the sentence already
     * reports ("signed a treaty").
     */
    private void nominalAgreement(SentenceParse parse, NominalEvents.NounEvent e, List<FactDraft> out) {
        if (e.ownDate() == null || e.future(parse.discourse.documentDate())) {
            return; // only dated ones: "under the agreement" names no occasion of its own
        }
        List<String> parties = Participants.members(parse, SentenceParse.ids(parse.mentionsIn(e.start(), e.end()).stream()
                .filter(m -> !parse.isPlace(m)).toList()));
        if (parties.isEmpty() && jointWord(parse, e)) { // "the July 7 trilateral Memorandum": the principals'
            parties = parse.discourse.principals(false);
        }
        if (parties.isEmpty()) {
            return;
        }
        Dating.Dated dated = new Dating.Dated(e.ownDate().date(), null, false, true);
        List<String> named = parties;
        boolean same = out.stream().anyMatch(f -> f.type() == FactType.AGREEMENT && f.date().equals(dated.date())
                && f.actors().stream().anyMatch(a -> named.contains(a.actorId())));
        if (same) {
            return; // "signed the 2015 agreement": the verb's agreement is this one
        }
        ExtractionData.EventNoun noun = e.hit().entry();
        out.add(tools.drafting().draft(parse, FactType.AGREEMENT, Drafting.Codes.of(noun),
                Drafting.withRole(parties, Role.PARTY), dated, 0.7));
    }

    private boolean jointWord(SentenceParse parse, NominalEvents.NounEvent e) {
        for (int i = e.start(); i < e.end(); i++) {
            if (jointAdjectives.contains(parse.s.lower(i))) {
                return true;
            }
        }
        return false;
    }

    /** "emphasized their joint commitment", "reiterated our common goal": the parties' own commitment as the object. */
    private boolean jointObject(SentenceParse parse, Predicate p) {
        Sentence s = parse.s;
        Set<String> objects = tools.triggers().jointObjects(FactType.AGREEMENT);
        for (int i = p.head() + 1; i < Math.min(p.argsTo(), p.head() + 5); i++) {
            if (objects.contains(s.lower(i))) {
                for (int j = p.head() + 1; j < i; j++) {
                    String w = s.lower(j);
                    if (w.equals("their") || w.equals("our") || w.equals("joint") || w.equals("shared") || w.equals("common")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A purchase with a sum of money is a deal even when the text announces it as future. */
    private static boolean deal(SentenceParse parse, Predicate p, ExtractionData.Trigger entry) {
        if (!entry.isDeal() || p.has(Predicate.Flag.NEGATED) || p.has(Predicate.Flag.MODAL) || p.has(Predicate.Flag.CONDITIONAL)) {
            return false;
        }
        Predicate.Relation r = parse.effectiveRelation(p);
        if (r != Predicate.Relation.MAIN) {
            return false;
        }
        for (int i = p.head() + 1; i < p.argsTo(); i++) {
            if (parse.s.words()[i].startsWith("$") || parse.s.words()[i].equals("$") || parse.s.lower(i).equals("deal")) {
                return true;
            }
        }
        return false;
    }

    /** "met on July 11, 2024 to reaffirm …": what those who met did at the meeting. */
    private boolean purpose(SentenceParse parse, Predicate p) {
        if (p.relation() != Predicate.Relation.INFINITIVE || p.governor() < 0) {
            return false;
        }
        Predicate gov = parse.predicates.get(p.governor());
        return parse.statesAnAct(gov) && tools.triggers().verb(parse.s, gov, FactType.MEETING).isPresent();
    }
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.List;

import io.factline.domain.FactActor;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/**
 * Statements: an actor says, announces, notes, criticizes, welcomes or calls for something — a
 * verb of the STATEMENT entry whose subject names a known speaker, in a clause that states an act.
 * Commitments and reaffirmations count here only for one side ("The United States reiterated its
 * commitment"); of two or more they are agreements. In a transcript, what a speaker says in their
 * turn is their statement. "According to X, …" is X's.
 */
final class StatementReader implements FactReader {

    private final ReaderTools tools;
    private final Topics topics;

    StatementReader(ReaderTools tools, Topics topics) {
        this.tools = tools;
        this.topics = topics;
    }

    @Override
    public void read(SentenceParse parse, List<FactDraft> sentenceFacts) {
        boolean speakerSaid = false;
        for (Predicate p : parse.predicates) {
            var hit = tools.triggers().verb(parse.s, p, FactType.STATEMENT);
            boolean purpose = purpose(parse, p);
            if (hit.isEmpty() || !(parse.statesAnAct(p) || absolute(parse, p) || purpose)) {
                continue;
            }
            List<Mention> speakers = purpose ? Participants.doers(parse, parse.predicates.get(p.governor())) : Participants.doers(parse, p);
            if (speakers.isEmpty() && absolute(parse, p)) {
                speakers = List.of(parse.mentionsIn(0, p.head()).get(parse.mentionsIn(0, p.head()).size() - 1));
            }
            List<String> ids = SentenceParse.ids(speakers);
            if (ids.isEmpty()) {
                continue;
            }
            int sides = Participants.sides(parse, ids);
            if (sides >= 2 && (hit.get().entry().alone() || jointObject(parse, p))) {
                continue; // two or more sides reaffirming, committing: the agreement reader's
            }
            List<FactActor> actors = new ArrayList<>(Drafting.withRole(ids, Role.SPEAKER));
            if ("REQUEST".equals(hit.get().entry().plover())) {
                addressee(parse, p, hit.get().lastToken()).stream().filter(id -> !ids.contains(id))
                        .forEach(id -> actors.add(new FactActor(id, Role.ADDRESSEE)));
            }
            Dating.Dated dated = tools.dateOf(parse, p);
            double confidence = Drafting.confidence(0.85, speakers, dated);
            Drafting.Codes codes = Drafting.Codes.of(hit.get().entry());
            sentenceFacts.add(tools.drafting().draft(parse, FactType.STATEMENT, codes, actors, dated, confidence));
            speakerSaid |= parse.discourse.speaker() != null && ids.contains(parse.discourse.speaker());
            parse.discourse.spoke(ids);
        }
        nominalStatements(parse, sentenceFacts);
        if (!speakerSaid) {
            turnStatement(parse, sentenceFacts);
        }
    }

    /**
     * A statement named as a noun phrase, with its speaker in it and a date of its own or the clause's:
     * "Takaichi's November 2025 comment", "This evoked statement by Secretary General".
     */
    private void nominalStatements(SentenceParse parse, List<FactDraft> out) {
        Sentence s = parse.s;
        for (NominalEvents.NounEvent e : tools.nominal().find(parse, FactType.STATEMENT)) {
            int noun = e.hit().first();
            if (noun > 0 && (s.lower(noun - 1).equals("joint") || e.governorVerb() != null
                    && tools.triggers().verb(s, e.governorVerb(), FactType.STATEMENT).isPresent())) {
                continue; // "joint statement" is an agreement; "issued a statement" the verb's
            }
            List<Mention> speakers = new ArrayList<>();
            for (Mention m : parse.mentionsIn(e.start(), e.end())) {
                int tok = parse.token(m);
                boolean possessor = tok < noun && m.end() < s.end() && (s.documentText().startsWith("’s", m.end())
                        || s.documentText().startsWith("'s", m.end()) || tok + 1 < s.size() && s.lower(tok + 1).matches("’s|'s"));
                boolean agent = tok > noun && tok >= 1 && s.lower(Math.max(0, tok - 1)).matches("by|of") || tok > noun + 1 && s.lower(noun + 1).equals("by");
                if (possessor || agent) {
                    speakers.add(m);
                }
            }
            List<String> ids = SentenceParse.ids(speakers);
            if (ids.isEmpty() || e.ownDate() == null && !byAgent(s, e)) {
                continue;
            }
            Dating.Dated dated = e.ownDate() != null ? new Dating.Dated(e.ownDate().date(), null, false, true)
                    : new Dating.Dated(Dating.inherited(parse, null), null, true, false);
            ExtractionData.EventNoun n = e.hit().entry();
            out.add(tools.drafting().draft(parse, FactType.STATEMENT, Drafting.Codes.of(n),
                    Drafting.withRole(ids, Role.SPEAKER), dated, 0.7));
        }
    }

    private static boolean byAgent(Sentence s, NominalEvents.NounEvent e) {
        return e.hit().last() + 1 < s.size() && s.lower(e.hit().last() + 1).equals("by");
    }

    /**
     * "phoned him at midnight to say …", "used the message to say again that …": a verb of saying whose
     * infinitive tells what the subject's act was for (not what someone was asked to say).
     */
    private boolean purpose(SentenceParse parse, Predicate p) {
        if (p.relation() != Predicate.Relation.INFINITIVE || p.governor() < 0 || !parse.reportingVerb(p.lemma())) {
            return false;
        }
        Predicate gov = parse.predicates.get(p.governor());
        var govHit = tools.triggers().verb(parse.s, gov, FactType.STATEMENT);
        boolean request = govHit.isPresent() && "REQUEST".equals(govHit.get().entry().plover());
        return parse.statesAnAct(gov) && !request && p.head() - gov.head() <= 12;
    }

    /** "with Russian President Putin calling DPRK troops heroes": a participle with its own subject. */
    private static boolean absolute(SentenceParse parse, Predicate p) {
        if (p.relation() != Predicate.Relation.PARTICIPLE || !p.factual() || p.head() < 2) {
            return false;
        }
        List<Mention> before = parse.mentionsIn(0, p.head());
        if (before.isEmpty() || parse.s.tokenFrom(before.get(before.size() - 1).end()) != p.head()) {
            return false;
        }
        for (int i = parse.token(before.get(before.size() - 1)) - 1; i >= 0 && i >= p.head() - 8; i--) {
            if (parse.s.lower(i).equals("with")) {
                return true;
            }
        }
        return false;
    }

    /** "emphasized their joint commitment": the parties' own commitment as the object. */
    private boolean jointObject(SentenceParse parse, Predicate p) {
        return Triggers.near(parse.s, p, List.copyOf(tools.triggers().jointObjects(FactType.AGREEMENT)));
    }

    /** Who is asked: the first actor after the request, or the person it introduces. */
    private static List<String> addressee(SentenceParse parse, Predicate p, int last) {
        int stop = last + 1;
        while (stop < p.argsTo() && !Participants.isBreak(parse.s, stop)) {
            stop++; // "urged restraint, according to China's Foreign Ministry": not whom it urged
        }
        List<Mention> after = parse.mentionsIn(last + 1, Math.min(stop, last + 13)).stream()
                .filter(m -> !(m.via() == Mention.Via.PRONOUN && parse.s.lower(parse.token(m)).matches("his|her|its|their"))).toList();
        return after.isEmpty() ? List.of() : after.get(0).actorIds();
    }

    /**
     * In a transcript, what the speaker of the turn says is their statement, unless the sentence is a
     * question, a courtesy too short to say anything, or reports a meeting (that is the meeting's).
     */
    private void turnStatement(SentenceParse parse, List<FactDraft> sentenceFacts) {
        String speaker = parse.discourse.speaker();
        Sentence s = parse.s;
        if (speaker == null || s.size() < 6 || s.text().strip().endsWith("?")
                || sentenceFacts.stream().anyMatch(f -> f.type() == FactType.MEETING)) {
            return;
        }
        boolean aboutSomeone = parse.mentions.stream().anyMatch(m -> m.via() != Mention.Via.PRONOUN)
                || parse.predicates.stream().anyMatch(p -> parse.statesAnAct(p) && parse.subject(p).stream()
                        .anyMatch(m -> m.actorIds().contains(speaker) && s.words()[parse.token(m)].equals("I"))); // "I am prepared to …"
        if (!aboutSomeone && parse.keywordTopics(topics).isEmpty()) {
            return; // "We're a nation that is all about one thing": a remark, not a statement on relations
        }
        Dating.Dated dated = new Dating.Dated(Dating.inherited(parse, null), null, true, false);
        Drafting.Codes own = Drafting.Codes.of(tools.triggers().codes(FactType.STATEMENT));
        sentenceFacts.add(tools.drafting().draft(parse, FactType.STATEMENT, own,
                List.of(new FactActor(speaker, Role.SPEAKER)), dated, 0.6));
    }
}

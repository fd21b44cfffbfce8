package io.factline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.factline.extract.DateFinder.DateMention;
import io.factline.extract.Predicate.Relation;

/**
 * One sentence as the readers see it: its tokens, predicates, actor mentions and dates, with the
 * questions every reader asks — who is a predicate's subject, which verbs state acts of their own,
 * which names are places or only say whom a person acts for.
 */
final class SentenceParse {

    final Sentence s;
    final List<Predicate> predicates;
    final List<Mention> mentions;
    final List<DateMention> dates;
    final Discourse discourse;
    private boolean[] quoted;
    private List<DateMention> nominalDates;
    private List<String> keywordTopics;

    private final Set<String> reportingVerbs;
    private final Set<String> governorVerbs;
    private final Set<String> agentNouns;

    SentenceParse(Sentence s, List<Predicate> predicates, List<Mention> mentions, List<DateMention> dates,
                  Discourse discourse, Set<String> reportingVerbs, Set<String> governorVerbs, Set<String> agentNouns) {
        this.agentNouns = agentNouns;
        this.reportingVerbs = reportingVerbs;
        this.governorVerbs = governorVerbs;
        this.s = s;
        this.predicates = predicates;
        this.mentions = mentions;
        this.dates = dates;
        this.discourse = discourse;
    }

    /** The relation of the predicate once coordination is seen through ("reaffirmed … and called on": MAIN). */
    Relation effectiveRelation(Predicate p) {
        Predicate at = p;
        for (int guard = 0; at.relation() == Relation.COORDINATED && at.governor() >= 0 && guard < predicates.size(); guard++) {
            at = predicates.get(at.governor());
        }
        return at.relation() == Relation.COORDINATED ? Relation.MAIN : at.relation();
    }

    /**
     * Whether the predicate states an act of its own: the sentence's verb or one coordinated with it,
     * or a clause of time ("after they met"), not negated, modal, future or hypothetical, not what
     * someone else said, not inside a quotation.
     */
    boolean statesAnAct(Predicate p) {
        if (!p.factual() || inQuotes(s.tokenStarts()[p.head()])) {
            return false;
        }
        Predicate root = root(p);
        if (root != p && !root.factual() && !"but".equals(p.conjunction())) {
            return false; // "will continue to … and commit": the coordination is as hypothetical as its head ("did not …, but said" is not)
        }
        return switch (effectiveRelation(p)) {
            case MAIN -> true;
            case ADVERBIAL -> !root.has(Predicate.Flag.CONDITIONAL);
            case COMPLEMENT -> reported(root);
            default -> false;
        };
    }

    /**
     * A past act someone reports ("Biden said Japan and South Korea signed a pact"): the verb of what
     * a reporting verb's subject said, in the past tense, with a subject of its own.
     */
    private boolean reported(Predicate p) {
        if (p.governor() < 0 || p.subjectFrom() < 0 || subject(p).isEmpty()
                || ShallowClauses.form(s, p.head()) != ShallowClauses.Form.PAST || p.head() != p.first()) {
            return false;
        }
        Predicate reporting = predicates.get(p.governor());
        return reportingVerbs.contains(reporting.lemma()) && statesAnAct(reporting);
    }

    boolean reportingVerb(String lemma) {
        return reportingVerbs.contains(lemma);
    }

    /** The predicate a coordinated one hangs on, or itself. */
    Predicate root(Predicate p) {
        Predicate at = p;
        for (int guard = 0; at.relation() == Relation.COORDINATED && at.governor() >= 0 && guard < predicates.size(); guard++) {
            at = predicates.get(at.governor());
        }
        return at;
    }

    /** The actors of the predicate's subject: names in its subject region that are neither places nor affiliations. */
    List<Mention> subject(Predicate p) {
        if (p.subjectFrom() < 0) {
            return List.of();
        }
        List<Mention> in = mentionsIn(p.subjectFrom(), p.subjectTo());
        List<Mention> out = new ArrayList<>();
        for (Mention m : in) {
            if (!isPlace(m) && !isAffiliation(m, in) && !isPossessorOfThing(m, p) && !inPrepositionalPhrase(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** "In lockstep coordination with the Biden administration, I commit": a name in a phrase of its own is no subject. */
    private boolean inPrepositionalPhrase(Mention m) {
        int tok = token(m);
        int before = tok - 1;
        while (before >= 0 && (s.tags()[before].matches("DET.*|ADJ.*|NUM.*") || Character.isUpperCase(s.words()[before].charAt(0))
                && s.tags()[before].matches("PROPN.*|NOUN.*") && !s.inName(before))) {
            before--;
        }
        return before >= 0 && s.tags()[before].startsWith("ADP") && !s.lower(before).equals("of")
                && !(s.lower(before).equals("by") && before > 0 && s.lemma(before - 1).equals("be"))
                && !(before > 0 && agentNouns.contains(s.lower(before - 1))); // "a spokesperson for the party"
    }

    /** "was released by the Governments of …": the agent of a passive verb. */
    List<Mention> agent(Predicate p) {
        for (int i = p.head() + 1; i < p.argsTo() && i <= p.head() + 3; i++) {
            if (s.lower(i).equals("by")) {
                int end = i + 1;
                while (end < p.argsTo() && !s.words()[end].equals(";") && !s.isVerb(end)
                        && !(s.tags()[end].startsWith("ADP") && !s.lower(end).equals("of"))
                        && !(s.words()[end].equals(",") && end + 1 < s.size() && !s.tags()[end + 1].startsWith("PROPN")
                        && !s.lower(end + 1).equals("and"))) {
                    end++;
                }
                List<Mention> in = mentionsIn(i + 1, end);
                return in.stream().filter(m -> !isPlace(m) && !isAffiliation(m, in)).toList();
            }
        }
        return List.of();
    }

    /** Names in the predicate's arguments, up to where its own clause ends. */
    List<Mention> arguments(Predicate p, int limitTokens) {
        return mentionsIn(p.head() + 1, Math.min(p.argsTo(), p.head() + 1 + limitTokens));
    }

    List<Mention> mentionsIn(int fromToken, int toToken) {
        if (fromToken >= toToken || fromToken >= s.size()) {
            return List.of();
        }
        int from = s.tokenStarts()[Math.max(0, fromToken)];
        int to = toToken >= s.size() ? s.end() : s.tokenStarts()[toToken];
        return mentions.stream().filter(m -> m.start() >= from && m.start() < to && !inQuotes(m.start())).toList();
    }

    static List<String> ids(List<Mention> mentions) {
        Set<String> ids = new LinkedHashSet<>();
        mentions.forEach(m -> ids.addAll(m.actorIds()));
        return List.copyOf(ids);
    }

    int token(Mention m) {
        return s.tokenAt(m.start());
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "near", "into", "across",
            "toward", "towards", "inside", "outside", "on", "throughout", "around", "off", "within");

    /** "Critics in Seoul", "met in Honolulu, Hawaii": a name after a preposition of place, or in apposition to one. */
    boolean isPlace(Mention m) {
        int tok = token(m);
        if (tok <= 0) {
            return false;
        }
        int before = tok - 1;
        while (before > 0 && (s.tags()[before].startsWith("DET") || s.tags()[before].startsWith("ADJ"))) {
            before--;
        }
        if (PLACE_PREPOSITIONS.contains(s.lower(before))) {
            return true;
        }
        if (s.words()[tok - 1].equals(",") && tok >= 2 && !inDate(tok - 2)) { // "in Phnom Penh, Cambodia at the summit"
            int prev = tok - 2;
            while (prev > 0 && s.tags()[prev].startsWith("PROPN")) {
                prev--;
            }
            int after = s.tokenFrom(m.end());
            boolean listGoesOn = after < s.size() && s.lower(after).equals("and"); // "in Hanoi, Vietnam and Japan signed"
            return PLACE_PREPOSITIONS.contains(s.lower(prev)) && s.tags()[prev + 1].startsWith("PROPN") && !listGoesOn;
        }
        return false;
    }

    /**
     * A state named only to say whom a person acts for: "Japanese Foreign Minister Hayashi",
     * "President Yoon of the Republic of Korea (ROK)", "Foreign Minister of Japan Motegi".
     */
    boolean isAffiliation(Mention m, List<Mention> among) {
        if (m.actorIds().size() != 1 || !isState(m.actorIds().get(0))) {
            return false;
        }
        String state = m.actorIds().get(0);
        int idx = among.indexOf(m);
        for (int j = idx + 1; j < among.size() && j <= idx + 1; j++) {
            Mention next = among.get(j);
            if (next.start() - m.end() <= 40 && !textBetween(m.end(), next.start()).matches("(?s).*(,|\\band\\b|;).*")
                    && actsFor(next, state)) {
                return true;
            }
        }
        for (int j = idx - 1; j >= 0 && j >= idx - 2; j--) {
            Mention prev = among.get(j);
            String between = textBetween(prev.end(), m.start());
            if (between.matches("(?s)\\s*(of|of the|,|\\()\\s*(the\\s*)?") && actsFor(prev, state)) {
                return true;
            }
            if (prev.actorIds().equals(m.actorIds()) && between.matches("\\s*\\(\\s*")) {
                return true; // "the Republic of Korea (ROK)"
            }
        }
        return false;
    }

    /** "the ROK's efforts", "DPRK's decision": a possessor of a thing in the subject, not the actor. */
    private boolean isPossessorOfThing(Mention m, Predicate p) {
        int end = s.tokenFrom(m.end());
        if (end >= s.size() || !(s.lower(end).equals("'s") || s.lower(end).equals("’s") || s.words()[end].equals("'")
                || m.end() < s.end() && s.documentText().startsWith("’s", m.end()))) {
            return false;
        }
        return end + 1 < p.subjectTo() && !s.tags()[end + 1].startsWith("PROPN") && !isAgentWordAt(end + 1, p.subjectTo());
    }

    private boolean isAgentWordAt(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!(s.tags()[i].startsWith("ADJ") || s.tags()[i].startsWith("NOUN"))) {
                return false;
            }
            if (AGENT_HEADS.contains(s.lower(i))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> AGENT_HEADS = Set.of("ministry", "government", "officials", "official", "spokesperson",
            "spokesman", "spokeswoman", "leader", "leaders", "president", "minister", "military", "forces", "office",
            "administration", "intelligence", "agency", "embassy", "delegation", "report", "assessment");

    private boolean actsFor(Mention person, String state) {
        return person.actorIds().stream().anyMatch(id -> !isState(id) && state.equals(discourse.sideOf(id)));
    }

    boolean isState(String id) {
        ExtractionData.Actor a = discourse.actor(id);
        return a != null && a.isState();
    }

    private String textBetween(int from, int to) {
        return from >= to ? "" : s.documentText().substring(from, to);
    }

    /** Whether the offset lies inside a quotation (computed once per sentence). */
    boolean inQuotes(int offset) {
        if (quoted == null) {
            String text = s.documentText();
            quoted = new boolean[s.end() - s.start() + 1];
            boolean in = false;
            for (int i = s.start(); i < s.end(); i++) {
                char c = text.charAt(i);
                quoted[i - s.start()] = in;
                if (c == '"') {
                    in = !in;
                } else if (c == '“') {
                    in = true;
                } else if (c == '”') {
                    in = false;
                }
            }
            quoted[s.end() - s.start()] = in;
        }
        return offset >= s.start() && offset <= s.end() && quoted[offset - s.start()];
    }

    /**
     * The dates of events named as noun phrases after the sentence's first verb ("reaffirmed the joint
     * statement of September 22, 2025"): they date those events, not the clause's act. A phrase that
     * opens the sentence ("At a June 2024 summit, …") or says when the act took place ("discussed …
     * during a meeting on 16 October 2015") dates the act and is not among them.
     */
    List<DateMention> nominalDates(NominalEvents nominal) {
        if (nominalDates == null) {
            int firstVerb = predicates.isEmpty() ? s.size() : predicates.get(0).head();
            List<DateMention> out = new ArrayList<>();
            for (io.factline.domain.FactType type : io.factline.domain.FactType.values()) {
                for (NominalEvents.NounEvent e : nominal.find(this, type)) {
                    boolean performed = e.governorVerb() != null && governorVerbs.contains(e.governorVerb().lemma());
                    if (e.ownDate() != null && e.start() > firstVerb && !e.byPreposition() && !performed) {
                        out.add(e.ownDate());
                    }
                }
            }
            nominalDates = out;
        }
        return nominalDates;
    }

    /** The sentence's keyword topics (computed once). */
    List<String> keywordTopics(Topics topics) {
        if (keywordTopics == null) {
            keywordTopics = topics.sentenceTopics(this);
        }
        return keywordTopics;
    }

    private boolean inDate(int token) {
        int at = s.tokenStarts()[token];
        return dates.stream().anyMatch(d -> at >= d.start() && at < d.end());
    }

    /** Dates of the sentence that lie in tokens [from, to). */
    List<DateMention> datesIn(int fromToken, int toToken) {
        if (fromToken >= toToken || fromToken >= s.size()) {
            return List.of();
        }
        int from = s.tokenStarts()[Math.max(0, fromToken)];
        int to = toToken >= s.size() ? s.end() : s.tokenStarts()[toToken];
        return dates.stream().filter(d -> d.start() >= from && d.start() < to).toList();
    }
}

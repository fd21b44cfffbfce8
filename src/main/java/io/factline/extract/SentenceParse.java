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
    final Set<String> agentNouns;
    private final MentionRoles roles = new MentionRoles(this);

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
                || s.form(p.head()) != Sentence.Form.PAST || p.head() != p.first()) {
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
            if (!isPlace(m) && !isAffiliation(m, in) && !roles.isPossessorOfThing(m, p) && !roles.inPrepositionalPhrase(m)) {
                out.add(m);
            }
        }
        return out;
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

    boolean isState(String id) {
        ExtractionData.Actor a = discourse.actor(id);
        return a != null && a.isState();
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

    /** "Critics in Seoul", "met in Honolulu, Hawaii": a name after a preposition of place, or in apposition to one. */
    boolean isPlace(Mention m) {
        return roles.isPlace(m);
    }

    /** A state named only to say whom a person acts for ("Japanese Foreign Minister Hayashi"). */
    boolean isAffiliation(Mention m, List<Mention> among) {
        return roles.isAffiliation(m, among);
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

package io.factline.extract;

import java.util.List;
import java.util.Set;

/**
 * What a name does in its sentence besides naming an actor of the act: a place ("in Seoul"), an
 * affiliation ("Japanese Foreign Minister Hayashi"), the possessor of a thing ("the ROK's efforts"),
 * or a name inside a phrase of its own ("in coordination with the Biden administration").
 */
final class MentionRoles {

    private final SentenceParse parse;

    MentionRoles(SentenceParse parse) {
        this.parse = parse;
    }

    /** "In lockstep coordination with the Biden administration, I commit": a name in a phrase of its own is no subject. */
    boolean inPrepositionalPhrase(Mention m) {
        int tok = parse.token(m);
        int before = tok - 1;
        while (before >= 0 && (parse.s.tags()[before].matches("DET.*|ADJ.*|NUM.*") || Character.isUpperCase(parse.s.words()[before].charAt(0))
                && parse.s.tags()[before].matches("PROPN.*|NOUN.*") && !parse.s.inName(before))) {
            before--;
        }
        return before >= 0 && parse.s.tags()[before].startsWith("ADP") && !parse.s.lower(before).equals("of")
                && !(parse.s.lower(before).equals("by") && before > 0 && parse.s.lemma(before - 1).equals("be"))
                && !(before > 0 && parse.agentNouns.contains(parse.s.lower(before - 1))); // "a spokesperson for the party"
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "near", "into", "across",
            "toward", "towards", "inside", "outside", "on", "throughout", "around", "off", "within");

    /** "Critics in Seoul", "met in Honolulu, Hawaii": a name after a preposition of place, or in apposition to one. */
    boolean isPlace(Mention m) {
        int tok = parse.token(m);
        if (tok <= 0) {
            return false;
        }
        int before = tok - 1;
        while (before > 0 && (parse.s.tags()[before].startsWith("DET") || parse.s.tags()[before].startsWith("ADJ"))) {
            before--;
        }
        if (PLACE_PREPOSITIONS.contains(parse.s.lower(before))) {
            return true;
        }
        if (parse.s.words()[tok - 1].equals(",") && tok >= 2 && !inDate(tok - 2)) { // "in Phnom Penh, Cambodia at the summit"
            int prev = tok - 2;
            while (prev > 0 && parse.s.tags()[prev].startsWith("PROPN")) {
                prev--;
            }
            int after = parse.s.tokenFrom(m.end());
            boolean listGoesOn = after < parse.s.size() && parse.s.lower(after).equals("and"); // "in Hanoi, Vietnam and Japan signed"
            return PLACE_PREPOSITIONS.contains(parse.s.lower(prev)) && parse.s.tags()[prev + 1].startsWith("PROPN") && !listGoesOn;
        }
        return false;
    }

    /**
     * A state named only to say whom a person acts for: "Japanese Foreign Minister Hayashi",
     * "President Yoon of the Republic of Korea (ROK)", "Foreign Minister of Japan Motegi".
     */
    boolean isAffiliation(Mention m, List<Mention> among) {
        if (m.actorIds().size() != 1 || !parse.isState(m.actorIds().get(0))) {
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
    boolean isPossessorOfThing(Mention m, Predicate p) {
        int end = parse.s.tokenFrom(m.end());
        if (end >= parse.s.size() || !(parse.s.lower(end).equals("'s") || parse.s.lower(end).equals("’s") || parse.s.words()[end].equals("'")
                || m.end() < parse.s.end() && parse.s.documentText().startsWith("’s", m.end()))) {
            return false;
        }
        return end + 1 < p.subjectTo() && !parse.s.tags()[end + 1].startsWith("PROPN") && !isAgentWordAt(end + 1, p.subjectTo());
    }

    private boolean isAgentWordAt(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!(parse.s.tags()[i].startsWith("ADJ") || parse.s.tags()[i].startsWith("NOUN"))) {
                return false;
            }
            if (AGENT_HEADS.contains(parse.s.lower(i))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> AGENT_HEADS = Set.of("ministry", "government", "officials", "official", "spokesperson",
            "spokesman", "spokeswoman", "leader", "leaders", "president", "minister", "military", "forces", "office",
            "administration", "intelligence", "agency", "embassy", "delegation", "report", "assessment");

    private boolean actsFor(Mention person, String state) {
        return person.actorIds().stream().anyMatch(id -> !parse.isState(id) && state.equals(parse.discourse.sideOf(id)));
    }


    private String textBetween(int from, int to) {
        return from >= to ? "" : parse.s.documentText().substring(from, to);
    }

    private boolean inDate(int token) {
        int at = parse.s.tokenStarts()[token];
        return parse.dates.stream().anyMatch(d -> at >= d.start() && at < d.end());
    }
}

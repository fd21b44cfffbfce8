package io.factline.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who does an act: a predicate's subject (or a passive verb's agent), joint bodies standing for their members. */
final class Participants {

    private Participants() {
    }

    /** The actors who do what the predicate says: its subject, or for a passive verb the "by" phrase. */
    static List<Mention> doers(SentenceParse parse, Predicate p) {
        if (p.has(Predicate.Flag.PASSIVE)) {
            return parse.agent(p);
        }
        return parse.subject(p);
    }

    /** A joint body stands for its members: the founding of the ROK-U.S. Working Group is theirs. */
    static List<String> members(SentenceParse parse, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            ExtractionData.Actor a = parse.discourse.actor(id);
            if (a != null && !a.members().isEmpty()) {
                out.addAll(a.members());
            } else {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    /** How many distinct sides the actors stand for (a person stands for the state whose office they hold). */
    static int sides(SentenceParse parse, List<String> ids) {
        int sides = (int) ids.stream().map(parse.discourse::sideOf).distinct().count();
        boolean collective = ids.stream().map(parse.discourse::actor).anyMatch(a -> a != null && a.isCollective());
        return collective ? Math.max(2, sides) : sides; // "the Security Council adopted": its members together
    }

    static boolean fromContext(List<Mention> mentions) {
        return !mentions.isEmpty() && mentions.stream().allMatch(Mention::resolvedFromContext);
    }

    /** The mentions right after the verb and those joined by "with", "and", "between", "to": who else took part. */
    static List<Mention> company(SentenceParse parse, Predicate p, int lastToken) {
        Sentence s = parse.s;
        List<Mention> out = new ArrayList<>();
        int stop = lastToken + 1;
        while (stop < p.argsTo() && !isBreak(s, stop)) {
            stop++;
        }
        Mention previous = null;
        for (Mention m : parse.mentionsIn(lastToken + 1, p.argsTo())) {
            int tok = parse.token(m);
            boolean accepted = tok < stop && (directlyAfter(parse, tok, lastToken) || introduced(s, tok, COMPANY_WORDS)
                    || previous != null && out.contains(previous) && s.tokenFrom(previous.end()) >= tok - 2);
            boolean destination = tok > 0 && s.lower(tok - 1).equals("to"); // "traveled to Pyongyang": the host
            boolean possessive = m.via() == Mention.Via.PRONOUN && s.lower(tok).matches("his|her|its|their|our|my");
            accepted &= !possessive; // "met his counterpart": whose counterpart, not who met
            if (accepted && (destination || !parse.isPlace(m)) && !parse.isAffiliation(m, parse.mentionsIn(lastToken + 1, p.argsTo()))) {
                out.add(m);
            }
            previous = m;
        }
        return out;
    }

    private static final Set<String> COMPANY_WORDS = Set.of("with", "and", "between", "to", "&", "among");

    static boolean isBreak(Sentence s, int i) {
        String w = s.words()[i];
        return w.equals(";") || w.equals(":") || w.equals(",") && !(i + 1 < s.size() && s.tags()[i + 1].startsWith("PROPN"));
    }

    /** Whether one of these words comes just before the token, past titles, names and articles. */
    static boolean introduced(Sentence s, int tok, Set<String> words) {
        for (int i = tok - 1; i >= 0 && i >= tok - 4; i--) {
            if (words.contains(s.lower(i))) {
                return true;
            }
            if (!(Character.isUpperCase(s.words()[i].charAt(0)) || s.tags()[i].startsWith("DET"))) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the token follows the verb directly, past titles, names, articles and agent words
     * ("hosted President Yoon", "met Secretary of State Pompeo", "met his counterpart Cho").
     */
    static boolean directlyAfter(SentenceParse parse, int tok, int verbLast) {
        Sentence s = parse.s;
        for (int i = tok - 1; i > verbLast; i--) {
            if (parse.agentNouns.contains(s.lower(i))) {
                continue;
            }
            if (!(Character.isUpperCase(s.words()[i].charAt(0)) || s.tags()[i].startsWith("DET") || s.lower(i).matches("his|her|their|its")
                    || s.lower(i).equals("of") && i > verbLast + 1 && Character.isUpperCase(s.words()[i - 1].charAt(0)))) {
                return false;
            }
        }
        return true;
    }
}

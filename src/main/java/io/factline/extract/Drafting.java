package io.factline.extract;

import java.util.ArrayList;
import java.util.List;

import io.factline.domain.FactActor;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/** Turns what a reader found into a fact draft: topics, summary, confidence, event codes, discovered actors. */
final class Drafting {

    private static final int SUMMARY_LIMIT = 280;

    private final Topics topics;

    Drafting(Topics topics) {
        this.topics = topics;
    }

    /** The event codes of a trigger: CAMEO, and PLOVER as "TYPE" or "TYPE:mode" (null for a neutral statement). */
    record Codes(String cameo, String plover, String mode) {
        static Codes of(ExtractionData.Trigger verb) {
            return new Codes(verb.cameo(), verb.plover(), verb.mode());
        }

        static Codes of(ExtractionData.EventNoun noun) {
            return new Codes(noun.cameo(), noun.plover(), noun.mode());
        }

        static Codes of(ExtractionData.Codes own) {
            return new Codes(own.cameo(), own.plover(), own.mode());
        }

        String ploverCode() {
            return plover == null ? null : mode == null ? plover : plover + ":" + mode;
        }
    }

    /** A verb's fact is less sure when its actors are known only from the context, and when its date is inherited. */
    static double confidence(double base, List<Mention> actors, Dating.Dated dated) {
        return base - (Participants.fromContext(actors) ? 0.1 : 0) - (dated.inherited() ? 0.05 : 0);
    }

    FactDraft draft(SentenceParse parse, FactType type, Codes codes, List<FactActor> actors, Dating.Dated dated,
                    double confidence) {
        actors = withTheirStates(actors, parse.discourse);
        List<String> named = new ArrayList<>();
        parse.mentions.forEach(m -> named.addAll(m.actorIds()));
        List<String> found = topics.of(parse.keywordTopics(topics), named, actors, parse.discourse);
        List<String> actorIds = actors.stream().map(FactActor::actorId).toList();
        if (found.isEmpty()) {
            found = parse.discourse.paragraphTopics(actorIds); // "He said the outcome was better than expected": still the summit
        } else {
            parse.discourse.paragraphTopics(found, actorIds);
        }
        Sentence s = parse.s;
        return new FactDraft(type, dated.date(), actors, found, summary(s.text()), s.start(), s.end(),
                Math.max(0.1, Math.min(1.0, confidence)), codes.cameo(), codes.ploverCode(), dated.target(),
                parse.discourse.discoveredAmong(actorIds));
    }

    /**
     * An organ of a state's government (a ministry, an army, a news agency: a BODY the gazetteer ties
     * to a state) acts for that state: the state is an actor of the fact too, in the same role.
     */
    private static List<FactActor> withTheirStates(List<FactActor> actors, Discourse discourse) {
        List<FactActor> out = new ArrayList<>(actors);
        for (FactActor a : actors) {
            ExtractionData.Actor actor = discourse.actor(a.actorId());
            if (actor != null && "BODY".equals(actor.kind()) && actor.state() != null
                    && out.stream().noneMatch(x -> x.actorId().equals(actor.state()))) {
                out.add(new FactActor(actor.state(), a.role()));
            }
        }
        return out;
    }

    static String summary(String passage) {
        String s = passage.replaceAll("\\s+", " ").strip();
        return s.length() <= SUMMARY_LIMIT ? s : s.substring(0, SUMMARY_LIMIT - 1).stripTrailing() + "…";
    }

    static List<FactActor> withRole(List<String> ids, Role role) {
        return ids.stream().distinct().map(id -> new FactActor(id, role)).toList();
    }
}

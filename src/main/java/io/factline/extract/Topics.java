package io.factline.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.factline.domain.FactActor;

/**
 * A fact's topics: the topic dictionary's keywords in its passage (names of parties and bodies masked
 * first: "New Politics Alliance" is not about the alliance), topics named like a state the passage
 * names, and topics of the sides the fact's own actors stand for (both Koreas: inter-Korean).
 */
final class Topics {

    private final Map<String, List<String>> keywords = new LinkedHashMap<>();
    private final Map<String, List<String>> sides = new LinkedHashMap<>();

    Topics(List<ExtractionData.Topic> topics) {
        for (ExtractionData.Topic t : topics) {
            keywords.put(t.id(), t.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList());
            if (!t.sides().isEmpty()) {
                sides.put(t.id(), t.sides());
            }
        }
    }

    /** Topic ids whose keywords occur in the passage. */
    List<String> keywordTopics(String passage) {
        String lower = passage.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        keywords.forEach((id, words) -> {
            for (String k : words) {
                if (atWordStart(lower, k)) {
                    found.add(id);
                    break;
                }
            }
        });
        return found;
    }

    /** The keyword topics of a sentence, with the names of organisations and parties masked. */
    List<String> sentenceTopics(SentenceParse parse) {
        Sentence s = parse.s;
        StringBuilder b = new StringBuilder(s.text());
        for (Mention m : parse.mentions) {
            boolean named = m.actorIds().stream().map(parse.discourse::actor)
                    .anyMatch(a -> a != null && !a.isPerson() && !a.isState());
            for (int i = m.start(); named && i < m.end(); i++) {
                b.setCharAt(i - s.start(), ' ');
            }
        }
        return keywordTopics(b.toString());
    }

    /** A keyword counts where a word starts with it ("sanction" in "sanctions", not in "unsanctioned"). */
    private static boolean atWordStart(String text, String keyword) {
        for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The passage's keyword topics, topics named like one of the actors named, and the topics of the fact's sides. */
    List<String> of(List<String> keywordTopics, List<String> namedActors, List<FactActor> own, Discourse discourse) {
        Set<String> found = new LinkedHashSet<>(keywordTopics);
        Set<String> ownSides = new HashSet<>();
        own.forEach(a -> ownSides.add(discourse.sideOf(a.actorId())));
        sides.forEach((id, needed) -> {
            if (ownSides.containsAll(needed)) {
                found.add(id);
            }
        });
        for (String id : namedActors) {
            if (keywords.containsKey(id)) {
                found.add(id);
            }
        }
        own.forEach(a -> {
            if (keywords.containsKey(a.actorId())) {
                found.add(a.actorId());
            }
        });
        return List.copyOf(found);
    }
}

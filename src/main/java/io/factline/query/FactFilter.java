package io.factline.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.factline.domain.FactType;
import io.factline.domain.InvalidFactException;
import io.factline.domain.Texts;

/**
 * Which facts: involving every listed actor and every listed topic, of any listed type, dated within
 * [from, to] (the whole date interval inside; undated facts are left out when either is given), cited
 * from a document, matching words of the text (summary and quotes); retracted facts only on request.
 */
public record FactFilter(List<String> actors, List<String> topics, List<FactType> types, LocalDate from, LocalDate to,
                         UUID document, String text, boolean includeRetracted) {

    public static final int MAX_LIST = 20;
    public static final int MAX_TEXT = 200;
    public static final int MAX_ID = 200;
    public static final FactFilter ALL = new FactFilter(null, null, null, null, null, null, null, false);

    public FactFilter {
        actors = actors == null ? List.of() : actors.stream().map(a -> Texts.optional("actor", a, MAX_ID))
                .filter(a -> a != null).distinct().toList();
        topics = topics == null ? List.of() : topics.stream().map(t -> Texts.optional("topic", t, MAX_ID))
                .filter(t -> t != null).distinct().toList();
        types = types == null ? List.of() : types.stream().filter(t -> t != null).distinct().toList();
        text = Texts.optional("text", text == null ? null : text.strip(), MAX_TEXT);
        if (actors.size() > MAX_LIST || topics.size() > MAX_LIST) {
            throw new InvalidFactException("a filter names at most " + MAX_LIST + " actors and " + MAX_LIST + " topics");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFactException("from (" + from + ") is after to (" + to + ")");
        }
    }

    public FactFilter withActor(String actor) {
        List<String> all = new java.util.ArrayList<>(actors);
        all.remove(actor);
        all.add(0, actor);
        return new FactFilter(all, topics, types, from, to, document, text, includeRetracted);
    }

    public FactFilter withTopic(String topic) {
        List<String> all = new java.util.ArrayList<>(topics);
        all.remove(topic);
        all.add(0, topic);
        return new FactFilter(actors, all, types, from, to, document, text, includeRetracted);
    }

    public FactFilter withDocument(UUID id) {
        return new FactFilter(actors, topics, types, from, to, id, text, includeRetracted);
    }
}

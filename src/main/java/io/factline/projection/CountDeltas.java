package io.factline.projection;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactActor;
import io.factline.domain.FactContent;
import io.factline.domain.FactState;
import io.factline.domain.FactStatus;

/**
 * The changes a batch makes to the counting views. Only active facts count; a fact that changes
 * takes back what it counted before and counts again as it is now. The recounts of a rebuild (the
 * read models' {@code recount}) follow the same rules in SQL.
 */
final class CountDeltas {

    record Pair(String a, String b) {
    }

    record TimelineKey(String scope, String period, String type) {
    }

    final Map<String, Integer> actorFacts = new HashMap<>();
    final Map<String, Integer> topicFacts = new HashMap<>();
    final Map<Pair, Integer> actorPairs = new HashMap<>();
    final Map<Pair, Integer> actorTopics = new HashMap<>();
    final Map<TimelineKey, Integer> timeline = new HashMap<>();

    void remove(FactState state) {
        count(state, -1);
    }

    void add(FactState state) {
        count(state, +1);
    }

    private void count(FactState state, int sign) {
        if (state == null || state.status() != FactStatus.ACTIVE) {
            return;
        }
        FactContent content = state.content();
        Set<String> actors = new LinkedHashSet<>(content.actors().stream().map(FactActor::actorId).toList());
        Set<String> topics = new LinkedHashSet<>(content.topics());
        for (String actor : actors) {
            actorFacts.merge(actor, sign, Integer::sum);
            for (String other : actors) {
                if (!other.equals(actor)) {
                    actorPairs.merge(new Pair(actor, other), sign, Integer::sum);
                }
            }
            for (String topic : topics) {
                actorTopics.merge(new Pair(actor, topic), sign, Integer::sum);
            }
        }
        for (String topic : topics) {
            topicFacts.merge(topic, sign, Integer::sum);
        }
        for (String period : periods(content)) {
            String type = content.type().name();
            timeline.merge(new TimelineKey("all", period, type), sign, Integer::sum);
            for (String actor : actors) {
                timeline.merge(new TimelineKey("actor:" + actor, period, type), sign, Integer::sum);
            }
            for (String topic : topics) {
                timeline.merge(new TimelineKey("topic:" + topic, period, type), sign, Integer::sum);
            }
        }
    }

    static <K> List<Map.Entry<K, Integer>> nonZero(Map<K, Integer> deltas) {
        return deltas.entrySet().stream().filter(e -> e.getValue() != 0).toList();
    }

    /** A fact counts in its year if dated to the year or finer, and in its month if dated to the month or finer. */
    static List<String> periods(FactContent content) {
        DatePrecision precision = content.date().precision();
        if (precision == DatePrecision.UNKNOWN) {
            return List.of();
        }
        String year = Periods.year(content.date().start());
        if (precision == DatePrecision.YEAR) {
            return List.of(year);
        }
        return List.of(year, Periods.month(content.date().start()));
    }
}

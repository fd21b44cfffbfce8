package io.factline.query;

import java.util.List;

import io.factline.domain.FactType;

/** One period of a timeline: "2021" or "2021-06", how many facts, and how many of each type. */
public record TimelineBucket(String period, int count, List<TypeCount> byType) {

    public record TypeCount(FactType type, int count) {
    }
}

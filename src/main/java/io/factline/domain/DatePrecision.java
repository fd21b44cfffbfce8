package io.factline.domain;

/** How precisely a fact's date is known; a coarser precision spans a longer interval. */
public enum DatePrecision {
    DAY, MONTH, YEAR, UNKNOWN;

    /** True when this precision is at least as fine as the other (DAY is finer than MONTH). */
    public boolean atLeastAsFineAs(DatePrecision other) {
        return this != UNKNOWN && ordinal() <= other.ordinal();
    }
}

package io.factline.query;

import io.factline.domain.DatePrecision;

/** The length of a timeline's periods. */
public enum Granularity {
    YEAR(DatePrecision.YEAR), MONTH(DatePrecision.MONTH);

    private final DatePrecision precision;

    Granularity(DatePrecision precision) {
        this.precision = precision;
    }

    public DatePrecision precision() {
        return precision;
    }
}

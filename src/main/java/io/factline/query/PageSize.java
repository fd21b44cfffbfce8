package io.factline.query;

import io.factline.domain.InvalidFactException;

/** Page sizes: 20 unless asked, never more than 100. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1 || requested > MAX) {
            throw new InvalidFactException("page size is between 1 and " + MAX + ", not " + requested);
        }
        return requested;
    }
}

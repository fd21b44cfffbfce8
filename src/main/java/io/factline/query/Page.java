package io.factline.query;

import java.util.List;

/** A page of results in keyset order; {@code endCursor} continues after its last item. */
public record Page<T>(List<T> items, String endCursor, boolean hasNext) {
}

package io.factline.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.factline.domain.FactState;
import io.factline.domain.SourceRef;

/** The rows one fact projects to: its fact_view row and the keys of its actor, topic and source rows. */
record FactRow(UUID id, String type, String status, String precision, LocalDate sortDate, LocalDate dateEnd,
               int version, long position, String docJson, String searchText,
               Map<String, List<String>> actorRoles, List<String> topics, List<UUID> documents) {

    static FactRow of(FactState state, FactDoc doc) {
        StringBuilder search = new StringBuilder(state.content().summary());
        state.content().sources().forEach(s -> search.append('\n').append(s.quote()));
        return build(state, ReadModelJson.write(doc), search.toString());
    }

    /** Only what identifies the fact's rows: enough to remove them. */
    static FactRow keysOf(FactState state) {
        return build(state, null, null);
    }

    /** One value of each row, as an array: a column for {@code unnest}, so that many rows are one statement. */
    static <T, C> C[] column(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static FactRow build(FactState state, String docJson, String searchText) {
        var date = state.content().date();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        state.content().actors().forEach(a -> roles.computeIfAbsent(a.actorId(), k -> new ArrayList<>())
                .add(a.role().name()));
        return new FactRow(state.id(), state.content().type().name(), state.status().name(), date.precision().name(),
                date.isKnown() ? date.start() : FactDoc.UNDATED, date.end(), state.version(),
                state.history().get(state.history().size() - 1).position(), docJson, searchText, roles,
                state.content().topics().stream().distinct().toList(),
                state.content().sources().stream().map(SourceRef::documentId).distinct().toList());
    }
}

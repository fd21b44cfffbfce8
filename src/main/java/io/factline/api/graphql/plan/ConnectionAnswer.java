package io.factline.api.graphql.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;
import io.factline.projection.FactDoc;
import io.factline.query.Cursor;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.smallrye.mutiny.Uni;

/** One {@code facts} field of an answer: its read (a page, and a count where {@code totalCount} is asked), then its JSON. */
final class ConnectionAnswer {

    final Selected field;
    private final FactFilter filter;
    private final int first;
    private final String after;
    /** What of each stored document the selection reads. */
    private final PrunedRead.Need need;
    private List<JsonNode> docs = List.of();
    private boolean hasNext;
    private Long total;

    ConnectionAnswer(Selected field, FactFilter filter, int first, String after) {
        this.field = field;
        this.filter = filter;
        this.first = first;
        this.after = after;
        this.need = PrunedRead.ofFact(nodes(field));
    }

    /** How many facts it answers (for the response budget). */
    int size() {
        return docs.size();
    }

    Uni<Void> read(FactQueries facts, boolean counted) {
        return facts.pageDocuments(filter, first, after, counted)
                .invoke(stored -> {
                    hasNext = stored.size() > first;
                    List<JsonNode> read = new ArrayList<>(Math.min(stored.size(), first));
                    for (int i = 0; i < stored.size() && i < first; i++) {
                        read.add(PrunedRead.read(stored.get(i), need));
                    }
                    docs = read;
                })
                .chain(stored -> asksTotal() ? facts.count(filter, counted).invoke(count -> total = count).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    void write(JsonText out) {
        List<String> cursors = new ArrayList<>(docs.size());
        for (JsonNode doc : docs) {
            cursors.add(cursorOf(doc));
        }
        out.beginObject();
        for (Selected below : field.below()) {
            out.name(below.key());
            switch (below.name()) {
                case "__typename" -> out.string("FactConnection");
                case "totalCount" -> out.number(total);
                case "pageInfo" -> {
                    out.beginObject();
                    for (Selected info : below.below()) {
                        out.name(info.key());
                        switch (info.name()) {
                            case "__typename" -> out.string("PageInfo");
                            case "hasNextPage" -> out.bool(hasNext);
                            case "hasPreviousPage" -> out.bool(false);
                            case "startCursor" -> out.string(cursors.isEmpty() ? null : cursors.get(0));
                            case "endCursor" -> out.string(cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
                            default -> throw new NotAnswered(info.name());
                        }
                    }
                    out.endObject();
                }
                case "edges" -> {
                    out.beginList();
                    for (int i = 0; i < docs.size(); i++) {
                        out.beginObject();
                        for (Selected edge : below.below()) {
                            out.name(edge.key());
                            switch (edge.name()) {
                                case "__typename" -> out.string("FactEdge");
                                case "cursor" -> out.string(cursors.get(i));
                                case "node" -> FactWriter.fact(out, docs.get(i), edge.below());
                                default -> throw new NotAnswered(edge.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                default -> throw new NotAnswered(below.name());
            }
        }
        out.endObject();
    }

    /** The fact selections under the connection's {@code edges { node }}, every alias merged. */
    private static List<Selected> nodes(Selected connection) {
        List<Selected> nodes = new ArrayList<>();
        for (Selected field : connection.below()) {
            if (field.name().equals("edges")) {
                for (Selected edge : field.below()) {
                    if (edge.name().equals("node")) {
                        nodes.addAll(edge.below());
                    }
                }
            }
        }
        return nodes;
    }

    private boolean asksTotal() {
        for (Selected below : field.below()) {
            if (below.name().equals("totalCount")) {
                return true;
            }
        }
        return false;
    }

    /** FactQueries.cursorOf: the date's start (undated facts sort last), then the id. */
    private static String cursorOf(JsonNode doc) {
        JsonNode start = doc.path("date").get("start");
        LocalDate sortDate = start == null || start.isNull() ? FactDoc.UNDATED : LocalDate.parse(start.textValue());
        return new Cursor(sortDate, UUID.fromString(doc.get("id").textValue())).encode();
    }
}

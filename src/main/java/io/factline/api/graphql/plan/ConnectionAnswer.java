package io.factline.api.graphql.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;
import io.factline.projection.FactDoc;
import io.factline.query.Cursor;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.smallrye.mutiny.Uni;

/** One {@code facts} field of an answer: its read (a page, and a count where {@code totalCount} is asked), then its JSON. */
final class ConnectionAnswer implements FieldAnswer {

    final Selected field;
    private final FactFilter filter;
    private final int first;
    private final String after;
    private List<StoredDoc> docs = List.of();
    private boolean hasNext;
    private Long total;

    ConnectionAnswer(Selected field, FactFilter filter, int first, String after) {
        this.field = field;
        this.filter = filter;
        this.first = first;
        this.after = after;
    }

    @Override
    public int size() {
        return docs.size();
    }

    @Override
    public Uni<Void> read(Reads reads, boolean counted) {
        FactQueries facts = reads.facts();
        return facts.pageDocuments(filter, first, after, counted)
                .invoke(stored -> {
                    hasNext = stored.size() > first;
                    List<StoredDoc> read = new ArrayList<>(Math.min(stored.size(), first));
                    for (int i = 0; i < stored.size() && i < first; i++) {
                        read.add(StoredDoc.of(stored.get(i)));
                    }
                    docs = read;
                })
                .chain(stored -> asksTotal() ? facts.count(filter, counted).invoke(count -> total = count).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    @Override
    public void write(JsonText out) {
        List<String> cursors = new ArrayList<>(docs.size());
        for (StoredDoc doc : docs) {
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

    private boolean asksTotal() {
        for (Selected below : field.below()) {
            if (below.name().equals("totalCount")) {
                return true;
            }
        }
        return false;
    }

    /** FactQueries.cursorOf: the date's start (undated facts sort last), then the id. */
    private static String cursorOf(StoredDoc doc) {
        int date = doc.member(0, "date");
        int start = date == -1 ? -1 : doc.member(date, "start");
        int id = doc.member(0, "id");
        if (id == -1 || doc.kind(id) != StoredDoc.STRING || start != -1 && doc.kind(start) != StoredDoc.STRING
                && doc.kind(start) != StoredDoc.NULL) {
            throw new NotAnswered("a document without its cursor");
        }
        LocalDate sortDate = start == -1 || doc.kind(start) == StoredDoc.NULL ? FactDoc.UNDATED : LocalDate.parse(doc.string(start));
        return new Cursor(sortDate, UUID.fromString(doc.string(id))).encode();
    }
}

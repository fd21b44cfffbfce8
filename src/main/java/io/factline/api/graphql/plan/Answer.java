package io.factline.api.graphql.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;
import io.factline.domain.FactType;
import io.factline.projection.FactDoc;
import io.factline.query.Cursor;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

/**
 * Runs a {@link Plan} for one request: its variables coerced as graphql-java coerces them, one read per
 * {@code facts} field (and one count where {@code totalCount} is asked), and the answer written from the
 * stored documents, pruned to the selection, as SmallRye writes graphql-java's result. Anything that would
 * make graphql-java answer with an error (a bad cursor, page size or filter, the response budget spent)
 * fails with {@link NotAnswered}, and graphql-java answers it.
 */
final class Answer {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** One {@code facts} field of the root: its read and, when it comes, its documents. */
    private static final class Connection {
        final Selected field;
        final FactFilter filter;
        final int first;
        final String after;
        /** What of each stored document the selection reads. */
        final PrunedRead.Need need;
        List<JsonNode> docs;
        boolean hasNext;
        Long total;

        Connection(Selected field, FactFilter filter, int first, String after) {
            this.field = field;
            this.filter = filter;
            this.first = first;
            this.after = after;
            this.need = PrunedRead.ofFact(nodes(field));
        }
    }

    private Answer() {
    }

    /** {@code coerced}: the variables already coerced for this operation (by the gate), or null to coerce {@code rawVariables}. */
    static Uni<String> of(Plan plan, CoercedVariables coerced, Map<String, Object> rawVariables, FactQueries facts,
                          boolean counted, int maxObjects) {
        CoercedVariables variables;
        List<Selected> root;
        List<Connection> connections = new ArrayList<>();
        try {
            variables = coerced != null ? coerced : ValuesResolver.coerceVariableValues(plan.schema,
                    plan.operation.getVariableDefinitions(), RawVariables.of(rawVariables == null ? Map.of() : rawVariables),
                    GraphQLContext.getDefault(), Locale.ENGLISH);
            root = plan.root(variables);
            for (Selected field : root) {
                if (field.name().equals("facts")) {
                    Map<String, Object> arguments = ValuesResolver.getArgumentValues(field.definition().getArguments(),
                            field.field().getArguments(), variables, GraphQLContext.getDefault(), Locale.ENGLISH);
                    String after = (String) arguments.get("after");
                    Cursor.decode(after); // a cursor this service did not give out is graphql-java's to answer
                    connections.add(new Connection(field, filter(arguments.get("filter")),
                            PageSize.of((Integer) arguments.get("first")), after));
                }
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e instanceof NotAnswered ? e : new NotAnswered(e.toString()));
        }
        Uni<Void> reads = Uni.createFrom().voidItem();
        for (Connection connection : connections) {
            reads = reads.chain(() -> facts.pageDocuments(connection.filter, connection.first, connection.after, counted)
                    .invoke(docs -> {
                        connection.hasNext = docs.size() > connection.first;
                        List<JsonNode> read = new ArrayList<>(Math.min(docs.size(), connection.first));
                        for (int i = 0; i < docs.size() && i < connection.first; i++) {
                            read.add(PrunedRead.read(docs.get(i), connection.need));
                        }
                        connection.docs = read;
                    })
                    .chain(docs -> asksTotal(connection.field) ? facts.count(connection.filter, counted)
                            .invoke(total -> connection.total = total).replaceWithVoid() : Uni.createFrom().voidItem()));
        }
        return reads.map(done -> {
            int objects = 0;
            for (Connection connection : connections) {
                objects += connection.docs.size();
            }
            if (objects > maxObjects) {
                throw new NotAnswered("over the response budget");
            }
            JsonText out = new JsonText(4096 + objects * 1024);
            out.beginObject().name("data").beginObject();
            int next = 0;
            for (Selected field : root) {
                out.name(field.key());
                if (field.name().equals("__typename")) {
                    out.string("Query");
                } else {
                    connection(out, connections.get(next++));
                }
            }
            return out.endObject().endObject().toString();
        });
    }

    /** The fact selections under a connection's {@code edges { node }}, every alias merged. */
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

    private static boolean asksTotal(Selected connection) {
        for (Selected below : connection.below()) {
            if (below.name().equals("totalCount")) {
                return true;
            }
        }
        return false;
    }

    /** FactFilterInput as Convert reads it. */
    @SuppressWarnings("unchecked")
    private static FactFilter filter(Object given) {
        if (given == null) {
            return FactFilter.ALL;
        }
        Map<String, Object> in = (Map<String, Object>) given;
        Object document = in.get("document");
        List<FactType> types = null;
        if (in.get("types") != null) {
            types = new ArrayList<>();
            for (Object type : (List<Object>) in.get("types")) {
                types.add(type == null ? null : type instanceof FactType t ? t : FactType.valueOf(type.toString()));
            }
        }
        return new FactFilter((List<String>) in.get("actors"), (List<String>) in.get("topics"), types,
                date(in.get("from")), date(in.get("to")), document == null ? null : UUID.fromString((String) document),
                (String) in.get("text"), Boolean.TRUE.equals(in.get("includeRetracted")));
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text && ISO_DATE.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        throw new NotAnswered("a date graphql-java reads: " + value.getClass().getName());
    }

    private static void connection(JsonText out, Connection connection) {
        List<String> cursors = new ArrayList<>(connection.docs.size());
        for (JsonNode doc : connection.docs) {
            cursors.add(cursorOf(doc));
        }
        out.beginObject();
        for (Selected field : connection.field.below()) {
            out.name(field.key());
            switch (field.name()) {
                case "__typename" -> out.string("FactConnection");
                case "totalCount" -> out.number(connection.total);
                case "pageInfo" -> {
                    out.beginObject();
                    for (Selected info : field.below()) {
                        out.name(info.key());
                        switch (info.name()) {
                            case "__typename" -> out.string("PageInfo");
                            case "hasNextPage" -> out.bool(connection.hasNext);
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
                    for (int i = 0; i < connection.docs.size(); i++) {
                        out.beginObject();
                        for (Selected edge : field.below()) {
                            out.name(edge.key());
                            switch (edge.name()) {
                                case "__typename" -> out.string("FactEdge");
                                case "cursor" -> out.string(cursors.get(i));
                                case "node" -> FactWriter.fact(out, connection.docs.get(i), edge.below());
                                default -> throw new NotAnswered(edge.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                default -> throw new NotAnswered(field.name());
            }
        }
        out.endObject();
    }

    /** FactQueries.cursorOf: the date's start (undated facts sort last), then the id. */
    private static String cursorOf(JsonNode doc) {
        JsonNode start = doc.path("date").get("start");
        LocalDate sortDate = start == null || start.isNull() ? FactDoc.UNDATED : LocalDate.parse(start.textValue());
        return new Cursor(sortDate, UUID.fromString(doc.get("id").textValue())).encode();
    }
}

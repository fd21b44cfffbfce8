package io.factline.api.graphql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.execution.CoercedVariables;
import graphql.schema.GraphQLTypeUtil;
import io.factline.api.graphql.Convert;
import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;
import io.factline.domain.ActorKind;
import io.factline.query.FactFilter;
import io.smallrye.mutiny.Uni;

/**
 * A root {@code actor}, {@code topic} or {@code document}: looked up by id as graphql-java's resolver looks
 * it up (null where there is none), then its {@code facts} connections, each narrowed to it as
 * FactConnections narrows them.
 */
final class ParentAnswer implements FieldAnswer {

    private final Selected field;
    private final String type;
    private final String id;
    /** For a document: its id as a UUID, null where the id is none (then there is no such document). */
    private final UUID documentId;
    private final List<ConnectionAnswer> connections = new ArrayList<>();
    /** The parent's own fields as its resolver gives them; null where there is no such parent. */
    private Map<String, String> found;

    private ParentAnswer(Selected field, String id) {
        this.field = field;
        this.type = GraphQLTypeUtil.unwrapAll(field.definition().getType()).getName();
        this.id = id;
        this.documentId = field.name().equals("document") ? Convert.uuidOrNull(id) : null;
    }

    /** Its connections' arguments read now: a page size, cursor or filter refused is graphql-java's to answer. */
    static ParentAnswer of(Selected field, CoercedVariables variables) {
        ParentAnswer parent = new ParentAnswer(field, (String) Answer.arguments(field, variables).get("id"));
        for (Selected below : field.below()) {
            if (!below.name().equals("facts")) {
                continue;
            }
            Map<String, Object> arguments = Answer.arguments(below, variables);
            FactFilter filter = switch (field.name()) {
                case "actor" -> Answer.filter(arguments.get("filter")).withActor(parent.id);
                case "topic" -> Answer.filter(arguments.get("filter")).withTopic(parent.id);
                default -> new FactFilter(null, null, null, null, null, parent.documentId, null,
                        Boolean.TRUE.equals(arguments.get("includeRetracted")));
            };
            parent.connections.add(Answer.connection(below, arguments, filter));
        }
        return parent;
    }

    /** The look-up, then (where found) the connections' reads. */
    @Override
    public Uni<Void> read(Reads reads, boolean counted) {
        return lookUp(reads).chain(fields -> {
            found = fields;
            Uni<Void> done = Uni.createFrom().voidItem();
            if (found != null) {
                for (ConnectionAnswer connection : connections) {
                    done = done.chain(() -> connection.read(reads, counted));
                }
            }
            return done;
        });
    }

    @Override
    public int size() {
        int facts = 0;
        for (ConnectionAnswer connection : connections) {
            facts += connection.size();
        }
        return facts;
    }

    @Override
    public void write(JsonText out) {
        if (found == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        int next = 0;
        for (Selected below : field.below()) {
            out.name(below.key());
            switch (below.name()) {
                case "__typename" -> out.string(type);
                case "facts" -> connections.get(next++).write(out);
                default -> {
                    if (!found.containsKey(below.name())) {
                        throw new NotAnswered(below.name());
                    }
                    out.string(found.get(below.name()));
                }
            }
        }
        out.endObject();
    }

    private Uni<Map<String, String>> lookUp(Reads reads) {
        return switch (field.name()) {
            case "actor" -> reads.actors().byId(id).map(view -> view.map(actor -> fields("id", actor.id, "name", actor.name,
                    "kind", actor.kind == null ? null : ActorKind.valueOf(actor.kind).name())).orElse(null));
            case "topic" -> reads.topics().byId(id).map(view -> view.map(topic -> fields("id", topic.id, "name", topic.name))
                    .orElse(null));
            default -> documentId == null ? Uni.createFrom().nullItem() : reads.documents().byId(documentId).map(view -> view.map(
                    doc -> fields("id", doc.id.toString(), "title", doc.title)).orElse(null));
        };
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}

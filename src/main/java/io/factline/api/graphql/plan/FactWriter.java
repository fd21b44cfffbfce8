package io.factline.api.graphql.plan;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;

/**
 * Writes one stored fact document as a {@code Fact} of the selection: fields in selection order,
 * aliases and {@code __typename}, nested actors, topics, documents, sources, history and extraction,
 * as SmallRye writes graphql-java's result. A value graphql-java would refuse (a non-null field
 * missing, a value of another type) fails with {@link NotAnswered}.
 */
final class FactWriter {

    private FactWriter() {
    }

    static void fact(JsonText out, JsonNode doc, List<Selected> selection) {
        out.beginObject();
        for (Selected field : selection) {
            out.name(field.key());
            switch (field.name()) {
                case "__typename" -> out.string("Fact");
                case "id", "type", "status", "origin", "summary", "recordedAt", "updatedAt" -> out.string(text(doc, field.name(), true));
                case "retractionReason" -> out.string(text(doc, field.name(), false));
                case "version" -> out.number(integer(doc, "version"));
                case "date" -> date(out, object(doc, "date", true), field.below());
                case "actors" -> {
                    out.beginList();
                    for (JsonNode role : list(doc, "actors")) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("FactActor");
                                case "role" -> out.string(text(role, "role", true));
                                case "actor" -> {
                                    JsonNode actor = object(role, "actor", true);
                                    out.beginObject();
                                    for (Selected a : below.below()) {
                                        out.name(a.key());
                                        switch (a.name()) {
                                            case "__typename" -> out.string("Actor");
                                            case "id", "name" -> out.string(text(actor, a.name(), true));
                                            case "kind" -> out.string(text(actor, "kind", false));
                                            default -> throw new NotAnswered(a.name());
                                        }
                                    }
                                    out.endObject();
                                }
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "topics" -> {
                    out.beginList();
                    for (JsonNode topic : list(doc, "topics")) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("Topic");
                                case "id", "name" -> out.string(text(topic, below.name(), true));
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "sources" -> {
                    out.beginList();
                    for (JsonNode source : list(doc, "sources")) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("Source");
                                case "quote" -> out.string(text(source, "quote", true));
                                case "start", "end" -> out.number(integer(source, below.name()));
                                case "confidence" -> out.floatNumber(decimal(source, "confidence"));
                                case "document" -> {
                                    JsonNode document = object(source, "document", true);
                                    out.beginObject();
                                    for (Selected d : below.below()) {
                                        out.name(d.key());
                                        switch (d.name()) {
                                            case "__typename" -> out.string("Document");
                                            case "id" -> out.string(text(document, "id", true));
                                            case "title" -> out.string(text(document, "title", false));
                                            default -> throw new NotAnswered(d.name());
                                        }
                                    }
                                    out.endObject();
                                }
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "history" -> {
                    out.beginList();
                    for (JsonNode change : list(doc, "history")) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("HistoryEntry");
                                case "version" -> out.number(integer(change, "version"));
                                case "type", "at" -> out.string(text(change, below.name(), true));
                                case "by", "reason" -> out.string(text(change, below.name(), false));
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "extraction" -> {
                    JsonNode extraction = object(doc, "extraction", false);
                    if (extraction == null) {
                        out.nullValue();
                        break;
                    }
                    out.beginObject();
                    for (Selected below : field.below()) {
                        out.name(below.key());
                        switch (below.name()) {
                            case "__typename" -> out.string("Extraction");
                            case "extractorVersion" -> out.string(text(extraction, "extractorVersion", true));
                            case "cameo", "plover" -> out.string(text(extraction, below.name(), false));
                            case "target" -> {
                                JsonNode target = object(extraction, "target", false);
                                if (target == null) {
                                    out.nullValue();
                                } else {
                                    date(out, target, below.below());
                                }
                            }
                            default -> throw new NotAnswered(below.name());
                        }
                    }
                    out.endObject();
                }
                default -> throw new NotAnswered(field.name());
            }
        }
        out.endObject();
    }

    private static void date(JsonText out, JsonNode date, List<Selected> selection) {
        out.beginObject();
        for (Selected field : selection) {
            out.name(field.key());
            switch (field.name()) {
                case "__typename" -> out.string("FactDate");
                case "start", "end", "text" -> out.string(text(date, field.name(), false));
                case "precision" -> out.string(text(date, "precision", true));
                default -> throw new NotAnswered(field.name());
            }
        }
        out.endObject();
    }

    private static String text(JsonNode parent, String name, boolean nonNull) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            if (nonNull) {
                throw new NotAnswered("no " + name);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new NotAnswered(name + " is no text");
        }
        return value.textValue();
    }

    private static int integer(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isInt()) {
            throw new NotAnswered(name + " is no int");
        }
        return value.intValue();
    }

    private static double decimal(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isNumber()) {
            throw new NotAnswered(name + " is no number");
        }
        double number = value.doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new NotAnswered(name + " is no finite number");
        }
        return number;
    }

    private static JsonNode object(JsonNode parent, String name, boolean nonNull) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            if (nonNull) {
                throw new NotAnswered("no " + name);
            }
            return null;
        }
        if (!value.isObject()) {
            throw new NotAnswered(name + " is no object");
        }
        return value;
    }

    private static JsonNode list(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isArray()) {
            throw new NotAnswered(name + " is no list");
        }
        return value;
    }
}

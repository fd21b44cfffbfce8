package io.factline.api.graphql.plan;

import java.util.List;

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

    static void fact(JsonText out, StoredDoc doc, List<Selected> selection) {
        int fact = 0;
        out.beginObject();
        for (Selected field : selection) {
            out.name(field.key());
            switch (field.name()) {
                case "__typename" -> out.string("Fact");
                case "id", "type", "status", "origin", "summary", "recordedAt", "updatedAt" -> text(out, doc, fact, field.name(), true);
                case "retractionReason" -> text(out, doc, fact, field.name(), false);
                case "version" -> out.number(integer(doc, fact, "version"));
                case "date" -> date(out, doc, object(doc, fact, "date", true), field.below());
                case "actors" -> {
                    out.beginList();
                    for (int role = doc.first(list(doc, fact, "actors")); role != -1; role = doc.next(role)) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("FactActor");
                                case "role" -> text(out, doc, role, "role", true);
                                case "actor" -> {
                                    int actor = object(doc, role, "actor", true);
                                    out.beginObject();
                                    for (Selected a : below.below()) {
                                        out.name(a.key());
                                        switch (a.name()) {
                                            case "__typename" -> out.string("Actor");
                                            case "id", "name" -> text(out, doc, actor, a.name(), true);
                                            case "kind" -> text(out, doc, actor, "kind", false);
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
                    for (int topic = doc.first(list(doc, fact, "topics")); topic != -1; topic = doc.next(topic)) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("Topic");
                                case "id", "name" -> text(out, doc, topic, below.name(), true);
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "sources" -> {
                    out.beginList();
                    for (int source = doc.first(list(doc, fact, "sources")); source != -1; source = doc.next(source)) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("Source");
                                case "quote" -> text(out, doc, source, "quote", true);
                                case "start", "end" -> out.number(integer(doc, source, below.name()));
                                case "confidence" -> out.floatNumber(decimal(doc, source, "confidence"));
                                case "document" -> {
                                    int document = object(doc, source, "document", true);
                                    out.beginObject();
                                    for (Selected d : below.below()) {
                                        out.name(d.key());
                                        switch (d.name()) {
                                            case "__typename" -> out.string("Document");
                                            case "id" -> text(out, doc, document, "id", true);
                                            case "title" -> text(out, doc, document, "title", false);
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
                    for (int change = doc.first(list(doc, fact, "history")); change != -1; change = doc.next(change)) {
                        out.beginObject();
                        for (Selected below : field.below()) {
                            out.name(below.key());
                            switch (below.name()) {
                                case "__typename" -> out.string("HistoryEntry");
                                case "version" -> out.number(integer(doc, change, "version"));
                                case "type", "at" -> text(out, doc, change, below.name(), true);
                                case "by", "reason" -> text(out, doc, change, below.name(), false);
                                default -> throw new NotAnswered(below.name());
                            }
                        }
                        out.endObject();
                    }
                    out.endList();
                }
                case "extraction" -> {
                    int extraction = object(doc, fact, "extraction", false);
                    if (extraction == -1) {
                        out.nullValue();
                        break;
                    }
                    out.beginObject();
                    for (Selected below : field.below()) {
                        out.name(below.key());
                        switch (below.name()) {
                            case "__typename" -> out.string("Extraction");
                            case "extractorVersion" -> text(out, doc, extraction, "extractorVersion", true);
                            case "cameo", "plover" -> text(out, doc, extraction, below.name(), false);
                            case "target" -> {
                                int target = object(doc, extraction, "target", false);
                                if (target == -1) {
                                    out.nullValue();
                                } else {
                                    date(out, doc, target, below.below());
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

    private static void date(JsonText out, StoredDoc doc, int date, List<Selected> selection) {
        out.beginObject();
        for (Selected field : selection) {
            out.name(field.key());
            switch (field.name()) {
                case "__typename" -> out.string("FactDate");
                case "start", "end", "text" -> text(out, doc, date, field.name(), false);
                case "precision" -> text(out, doc, date, "precision", true);
                default -> throw new NotAnswered(field.name());
            }
        }
        out.endObject();
    }

    /** A text member, as graphql-java's String: null only where the field may be null. */
    private static void text(JsonText out, StoredDoc doc, int parent, String name, boolean nonNull) {
        int value = doc.member(parent, name);
        if (value == -1 || doc.kind(value) == StoredDoc.NULL) {
            if (nonNull) {
                throw new NotAnswered("no " + name);
            }
            out.nullValue();
            return;
        }
        if (doc.kind(value) != StoredDoc.STRING) {
            throw new NotAnswered(name + " is no text");
        }
        doc.writeString(out, value);
    }

    private static int integer(StoredDoc doc, int parent, String name) {
        int value = doc.member(parent, name);
        if (value == -1) {
            throw new NotAnswered(name + " is no int");
        }
        return doc.intValue(value);
    }

    private static double decimal(StoredDoc doc, int parent, String name) {
        int value = doc.member(parent, name);
        if (value == -1) {
            throw new NotAnswered(name + " is no number");
        }
        double number = doc.doubleValue(value);
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new NotAnswered(name + " is no finite number");
        }
        return number;
    }

    /** An object member; -1 where it is null or missing and may be. */
    private static int object(StoredDoc doc, int parent, String name, boolean nonNull) {
        int value = doc.member(parent, name);
        if (value == -1 || doc.kind(value) == StoredDoc.NULL) {
            if (nonNull) {
                throw new NotAnswered("no " + name);
            }
            return -1;
        }
        if (doc.kind(value) != StoredDoc.OBJECT) {
            throw new NotAnswered(name + " is no object");
        }
        return value;
    }

    private static int list(StoredDoc doc, int parent, String name) {
        int value = doc.member(parent, name);
        if (value == -1 || doc.kind(value) != StoredDoc.ARRAY) {
            throw new NotAnswered(name + " is no list");
        }
        return value;
    }
}

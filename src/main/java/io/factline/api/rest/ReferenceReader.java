package io.factline.api.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.factline.api.StrictJson;

/**
 * Reads a reference as a hand-written fact gives it, by id ({@code "moon-jae-in"}), or as a fact is
 * served ({@code {"id": "moon-jae-in", "name": "Moon Jae-in", "kind": "PERSON"}}). Only the id is
 * kept: the other served fields are the server's and are ignored, whatever they say; a field a served
 * reference does not have is refused, as everywhere in a body.
 */
abstract class ReferenceReader<T> extends StdDeserializer<T> {

    private final Class<T> type;
    private final String expected;
    private final List<String> served;

    ReferenceReader(Class<T> type, String expected, String... served) {
        super(type);
        this.type = type;
        this.expected = expected;
        this.served = List.of(served);
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.readValue(parser, type);
        }
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            throw MismatchedInputException.from(parser, type, expected + " is expected, not "
                    + StrictJson.describe(parser.currentToken()));
        }
        T id = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            parser.nextToken();
            if (field.equals("id")) {
                id = parser.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(parser, type);
            } else if (served.contains(field)) {
                parser.skipChildren();
            } else {
                context.handleUnknownProperty(parser, this, type, field); // refused: the mapper fails on unknown fields
            }
        }
        return id;
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
        List<Object> known = new ArrayList<>(List.of("id"));
        known.addAll(served);
        return known;
    }

    static final class Actor extends ReferenceReader<String> {
        Actor() {
            super(String.class, "an actor's id, or {id, name, kind} as served,", "name", "kind");
        }
    }

    static final class Topic extends ReferenceReader<String> {
        Topic() {
            super(String.class, "a topic's id, or {id, name} as served,", "name");
        }
    }

    static final class Document extends ReferenceReader<UUID> {
        Document() {
            super(UUID.class, "a document's id, or {id, title} as served,", "title");
        }
    }
}

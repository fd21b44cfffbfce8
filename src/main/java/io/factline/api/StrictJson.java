package io.factline.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.factline.domain.Texts;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON bodies are read as written or refused: no trailing content, no key twice, no value of another
 * type taken for the one expected ({@code 42} is no text, {@code "12"} no number, {@code 1.5} no whole
 * number), no unknown field, no text holding control characters or half a surrogate pair, no nesting
 * past {@link #MAX_DEPTH}. Enum values are read in any case ("host" is HOST).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deeper than any body this API takes; a bomb of nested arrays is refused before it is built. */
    public static final int MAX_DEPTH = 64;

    @Override
    @SuppressWarnings("deprecation") // configuring a built mapper: the features are the ones its builder sets
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.OtherScalar).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("factline-strict-json")
                .addDeserializer(String.class, new TextDeserializer())
                .addDeserializer(LocalDate.class, new StringScalar<>(LocalDate.class, "a date written 2021-06-30", LocalDate::parse))
                .addDeserializer(UUID.class, new StringScalar<>(UUID.class, "an id such as 2f1c5b4e-…", UUID::fromString)));
    }

    /** A text that is no text: a control character or half a surrogate pair. 422, with where it is. */
    public static class UnfitTextException extends InvalidFormatException {
        UnfitTextException(JsonParser parser, String message, String value) {
            super(parser, message, value, String.class);
        }
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, String.class, "a text (a JSON string) is expected, not "
                        + describe(parser.currentToken()));
            }
            String text = parser.getText();
            String unfit = Texts.unfit(text);
            if (unfit != null) {
                throw new UnfitTextException(parser, "the text holds " + unfit, text);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A value written as a JSON string and read from it: a date 2021-06-30 (20210630 is none), an id. */
    static final class StringScalar<T> extends StdScalarDeserializer<T> {
        private final String expected;
        private final java.util.function.Function<String, T> read;

        StringScalar(Class<T> type, String expected, java.util.function.Function<String, T> read) {
            super(type);
            this.expected = expected;
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, handledType(), expected + " (a JSON string) is expected, not "
                        + describe(parser.currentToken()));
            }
            String text = parser.getText().strip();
            try {
                return read.apply(text);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, "not " + expected, text, handledType());
            }
        }
    }

    public static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_STRING -> "a text";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}

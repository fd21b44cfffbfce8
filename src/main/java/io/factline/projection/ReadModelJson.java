package io.factline.projection;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of the stored fact documents; one mapper so writers and readers agree. */
public final class ReadModelJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("fast-iso-times")
                    .addDeserializer(LocalDate.class, new FromText<>(LocalDate.class) {
                        @Override
                        LocalDate parse(String text) {
                            return IsoTimes.date(text);
                        }
                    })
                    .addDeserializer(OffsetDateTime.class, new FromText<>(OffsetDateTime.class) {
                        @Override
                        OffsetDateTime parse(String text) {
                            return IsoTimes.timestamp(text);
                        }
                    }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private ReadModelJson() {
    }

    public static String write(FactDoc doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static FactDoc read(String json) {
        try {
            return JSON.readValue(json, FactDoc.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fact document: " + e.getMessage(), e);
        }
    }

    /** A value written as a JSON string; reading it is all that differs. */
    private abstract static class FromText<T> extends StdScalarDeserializer<T> {
        FromText(Class<T> type) {
            super(type);
        }

        abstract T parse(String text);

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                return parse(text);
            } catch (RuntimeException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, e.getMessage());
            }
        }
    }
}

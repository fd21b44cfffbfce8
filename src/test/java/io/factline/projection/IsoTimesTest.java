package io.factline.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-25T08:15:30Z", "2024-10-25T08:15:30.1Z", "2024-10-25T08:15:30.123456Z",
            "2024-10-25T08:15:30.123456789Z", "1950-01-01T00:00:00.000001Z", "2024-10-25T08:15:30+09:00",
            "2024-10-25T08:15:30.5-05:00", "2024-10-25T08:15Z"})
    void timestampsReadAsJavaTimeReadsThem(String text) {
        assertEquals(OffsetDateTime.parse(text), IsoTimes.timestamp(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-25", "0001-01-01", "9999-12-31", "+10000-01-01"})
    void datesReadAsJavaTimeReadsThem(String text) {
        assertEquals(LocalDate.parse(text), IsoTimes.date(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-25T08:15:30Z", "2024-10-25T08:15:30.1234567890Z",
            "2024-10-2xT08:15:30Z", "yesterday", ""})
    void malformedTimestampsAreRefused(String text) {
        assertThrows(RuntimeException.class, () -> IsoTimes.timestamp(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2024-1-05", "20x4-01-05", ""})
    void malformedDatesAreRefused(String text) {
        assertThrows(RuntimeException.class, () -> IsoTimes.date(text));
    }

    @Test
    void timesWrittenByJavaTimeReadBackExactly() {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 28, 11, 45, 24, 123_456_000, ZoneOffset.UTC);
        assertEquals(at, IsoTimes.timestamp(at.toString()));
        assertEquals(at.withNano(0), IsoTimes.timestamp(at.withNano(0).toString()));
    }
}

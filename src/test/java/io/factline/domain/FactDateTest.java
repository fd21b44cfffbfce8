package io.factline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FactDateTest {

    @Test
    void theFormOfTheValueGivesThePrecision() {
        assertThat(FactDate.parse("2020-11-12", null, "12 November 2020"))
                .isEqualTo(new FactDate(LocalDate.of(2020, 11, 12), LocalDate.of(2020, 11, 12), DatePrecision.DAY, "12 November 2020"));
        assertThat(FactDate.parse("2021-06", null, null))
                .isEqualTo(new FactDate(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30), DatePrecision.MONTH, null));
        assertThat(FactDate.parse("2024-02", null, null).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(FactDate.parse("1953", null, "the 1953 Treaty"))
                .isEqualTo(new FactDate(LocalDate.of(1953, 1, 1), LocalDate.of(1953, 12, 31), DatePrecision.YEAR, "the 1953 Treaty"));
        assertThat(FactDate.parse(null, null, "some day")).isEqualTo(FactDate.unknown("some day"));
    }

    @Test
    void aCoarserPrecisionMayBeAskedForButNotAFinerOne() {
        assertThat(FactDate.parse("2020-11-12", DatePrecision.YEAR, null).start()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThatThrownBy(() -> FactDate.parse("2020", DatePrecision.DAY, null)).hasMessageContaining("not precise to the day");
        assertThatThrownBy(() -> FactDate.parse("2020-11", DatePrecision.UNKNOWN, null)).isInstanceOf(InvalidFactException.class);
        assertThatThrownBy(() -> FactDate.parse(null, DatePrecision.MONTH, null)).isInstanceOf(InvalidFactException.class);
    }

    @Test
    void refusesWhatIsNoDate() {
        for (String bad : new String[] {"2020-13", "2021-02-30", "20", "June 2021", "2020/11/12", "99999"}) {
            assertThatThrownBy(() -> FactDate.parse(bad, null, null)).as(bad).isInstanceOf(InvalidFactException.class);
        }
        assertThatThrownBy(() -> FactDate.parse("0999", null, null)).hasMessageContaining("between the years");
    }

    @Test
    void anIntervalMustMatchItsPrecision() {
        assertThatThrownBy(() -> new FactDate(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2), DatePrecision.DAY, null))
                .isInstanceOf(InvalidFactException.class);
        assertThatThrownBy(() -> new FactDate(LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 31), DatePrecision.MONTH, null))
                .isInstanceOf(InvalidFactException.class);
        assertThatThrownBy(() -> new FactDate(LocalDate.of(2020, 1, 1), null, DatePrecision.UNKNOWN, null))
                .isInstanceOf(InvalidFactException.class);
    }

    @Test
    void aDateAsServedIsTakenOnlyWhenStartAndEndAreWhatItsPrecisionGives() {
        LocalDate may1 = LocalDate.of(2021, 5, 1);
        LocalDate may31 = LocalDate.of(2021, 5, 31);
        assertThat(FactDate.interval(may1, may31, DatePrecision.MONTH, "May 2021")).isEqualTo(FactDate.parse("2021-05", null, "May 2021"));
        assertThat(FactDate.interval(null, null, DatePrecision.UNKNOWN, "once")).isEqualTo(FactDate.unknown("once"));
        assertThatThrownBy(() -> FactDate.interval(may1, LocalDate.of(2021, 5, 30), DatePrecision.MONTH, null))
                .hasMessageContaining("start 2021-05-01 and end 2021-05-30 do not match precision MONTH, which gives 2021-05-01..2021-05-31");
        assertThatThrownBy(() -> FactDate.interval(LocalDate.of(2021, 5, 2), may31, DatePrecision.MONTH, null))
                .hasMessageContaining("2021-05-01..2021-05-31");
        assertThatThrownBy(() -> FactDate.interval(may1, may31, DatePrecision.DAY, null)).hasMessageContaining("precision DAY");
        assertThatThrownBy(() -> FactDate.interval(may1, may31, DatePrecision.YEAR, null)).hasMessageContaining("2021-01-01..2021-12-31");
        assertThatThrownBy(() -> FactDate.interval(may1, may31, null, null)).hasMessageContaining("need their precision");
        assertThatThrownBy(() -> FactDate.interval(may1, null, DatePrecision.MONTH, null)).hasMessageContaining("both start and end");
        assertThatThrownBy(() -> FactDate.interval(may1, may31, DatePrecision.UNKNOWN, null)).hasMessageContaining("no start or end");
    }
}

package io.factline.projection;

import java.time.LocalDate;
import java.util.Locale;

/** Timeline periods as keys: "2021" and "2021-06", the same digits on every host (never the locale's). */
public final class Periods {

    private Periods() {
    }

    public static String year(LocalDate date) {
        return String.format(Locale.ROOT, "%04d", date.getYear());
    }

    public static String month(LocalDate date) {
        return String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
    }
}

package io.factline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A full rebuild of the views through the service, against a raw keyset scan of the same log. */
final class RebuildBench {

    private static final Pattern REPORT = Pattern.compile("\"events\":(\\d+),\"position\":(\\d+),\"millis\":(\\d+)");

    private RebuildBench() {
    }

    static void run(Report report, BenchDatabase db, ServiceProcess service) throws Exception {
        System.out.println("  rebuilding the views");
        Matcher rebuilt = REPORT.matcher(service.rebuild());
        if (!rebuilt.find()) {
            throw new IllegalStateException("unexpected rebuild report");
        }
        long events = Long.parseLong(rebuilt.group(1));
        double ours = events / (Long.parseLong(rebuilt.group(3)) / 1000.0);
        double raw = keysetScan(db);
        report.add("full rebuild of the views", ours, "events/s", raw, "keyset scan of the log, pages of 1,000", 0.4,
                String.format("%,d events in %.1f s", events, Long.parseLong(rebuilt.group(3)) / 1000.0));
    }

    static double keysetScan(BenchDatabase db) throws Exception {
        long started = System.nanoTime();
        long events = 0;
        long after = 0;
        try (Connection connection = db.connect(); PreparedStatement page = connection.prepareStatement(
                "select position, stream_id, version, type, schema_version, payload::text, metadata::text, recorded_at "
                        + "from event where position > ? order by position limit 1000")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        after = result.getLong(1);
                        result.getString(2);
                        result.getString(6);
                        result.getString(7);
                        result.getObject(8);
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                events += rows;
            }
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }
}

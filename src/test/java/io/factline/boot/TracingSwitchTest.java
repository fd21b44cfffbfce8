package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void tracingStaysOffWithoutAnEndpoint() {
        assertThat(TracingSwitch.properties(settings(Map.of()))).isEmpty();
        assertThat(TracingSwitch.properties(settings(Map.of(TracingSwitch.ENDPOINT, "  ")))).isEmpty();
    }

    @Test
    void anEndpointSwitchesTracingOnAndPointsTheExporterThere() {
        assertThat(TracingSwitch.properties(settings(Map.of(TracingSwitch.ENDPOINT, " http://collector:4318 "))))
                .containsExactlyInAnyOrderEntriesOf(Map.of(TracingSwitch.SDK_DISABLED, "false",
                        TracingSwitch.OTLP_ENDPOINT, "http://collector:4318"));
    }

    @Test
    void explicitQuarkusSettingsWin() {
        assertThat(TracingSwitch.properties(settings(Map.of(TracingSwitch.ENDPOINT, "http://collector:4318",
                TracingSwitch.SDK_DISABLED, "true")))).isEmpty();
        assertThat(TracingSwitch.properties(settings(Map.of(TracingSwitch.ENDPOINT, "http://collector:4318",
                TracingSwitch.OTLP_ENDPOINT, "http://other:4318")))).containsExactly(Map.entry(TracingSwitch.SDK_DISABLED, "false"));
        // switched on explicitly: the endpoint still goes to the exporter
        assertThat(TracingSwitch.properties(settings(Map.of(TracingSwitch.ENDPOINT, "http://collector:4318",
                TracingSwitch.SDK_DISABLED, "false")))).containsEntry(TracingSwitch.OTLP_ENDPOINT, "http://collector:4318");
    }
}

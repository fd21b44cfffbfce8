package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DerivedSettingsTest {

    @Test
    void tracingIsOffWithoutAnEndpoint() {
        DerivedSettings settings = new DerivedSettings(Map.<String, String>of()::get);
        assertThat(settings.getValue(DerivedSettings.SDK_DISABLED)).isEqualTo("true");
        assertThat(settings.getValue(DerivedSettings.OTLP_ENDPOINT)).isNull();
        assertThat(new DerivedSettings(Map.of("factline.otel.endpoint", "  ")::get).getValue(DerivedSettings.SDK_DISABLED))
                .isEqualTo("true");
    }

    @Test
    void anEndpointSwitchesTracingOnAndPointsTheExporterThere() {
        DerivedSettings settings = new DerivedSettings(Map.of("factline.otel.endpoint", "http://collector:4318")::get);
        assertThat(settings.getValue(DerivedSettings.SDK_DISABLED)).isEqualTo("false");
        assertThat(settings.getValue(DerivedSettings.OTLP_ENDPOINT)).isEqualTo("http://collector:4318");
    }

    @Test
    void aPublicKeyIsPassedOnOnlyWhenGiven() {
        assertThat(new DerivedSettings(Map.<String, String>of()::get).getPropertyNames()).doesNotContain(DerivedSettings.PUBLIC_KEY);
        assertThat(new DerivedSettings(Map.of("factline.jwt.public-key", "-----BEGIN PUBLIC KEY-----…")::get)
                .getValue(DerivedSettings.PUBLIC_KEY)).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void rankedBelowEnvironmentSystemPropertiesAndApplicationProperties() {
        assertThat(new DerivedSettings().getOrdinal()).isLessThan(250);
    }
}

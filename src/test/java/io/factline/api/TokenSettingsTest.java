package io.factline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class TokenSettingsTest {

    @Test
    void aKeyNeedsAnIssuer() {
        assertThat(TokenSettings.problem(LaunchMode.NORMAL, List.of("prod"), true, false)).contains("FACTLINE_JWT_ISSUER");
        assertThat(TokenSettings.problem(LaunchMode.NORMAL, List.of("prod"), true, true)).isNull();
    }

    @Test
    void noKeyAtAllIsAReadOnlyServiceNotAnError() {
        assertThat(TokenSettings.problem(LaunchMode.NORMAL, List.of("prod"), false, false)).isNull();
    }

    @Test
    void thePackagedServiceRefusesTheProfilesThatTrustTheDevelopmentKey() {
        assertThat(TokenSettings.problem(LaunchMode.NORMAL, List.of("dev"), true, true)).contains("dev or test profile");
        assertThat(TokenSettings.problem(LaunchMode.NORMAL, List.of("staging", "test"), true, true)).contains("dev or test profile");
        assertThat(TokenSettings.problem(LaunchMode.DEVELOPMENT, List.of("dev"), true, true)).isNull();
        assertThat(TokenSettings.problem(LaunchMode.TEST, List.of("test"), true, true)).isNull();
    }
}

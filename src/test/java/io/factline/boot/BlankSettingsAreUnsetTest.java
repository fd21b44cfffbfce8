package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class BlankSettingsAreUnsetTest {

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Map.of("mp.jwt.verify.issuer", "${factline.jwt.issuer:NONE}",
                        "quarkus.http.port", "${factline.http.port:8080}"), "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withInterceptors(new BlankSettingsAreUnset())
                .build();
    }

    @Test
    void anEmptyFactlineSettingLeavesTheDefaultInPlace() {
        SmallRyeConfig config = config(Map.of("factline.jwt.issuer", "", "factline.http.port", " "));
        assertThat(config.getValue("mp.jwt.verify.issuer", String.class)).isEqualTo("NONE");
        assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(8080);
        assertThat(config.getOptionalValue("factline.jwt.issuer", String.class)).isEmpty();
    }

    @Test
    void givenValuesPassUnchanged() {
        SmallRyeConfig config = config(Map.of("factline.jwt.issuer", "https://idp.example.org", "factline.http.port", "9090"));
        assertThat(config.getValue("mp.jwt.verify.issuer", String.class)).isEqualTo("https://idp.example.org");
        assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(9090);
    }

    @Test
    void anEmptyProfileSpecificValueIsNotSetEither() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod")
                .withSources(new PropertiesConfigSource(Map.of("mp.jwt.verify.issuer", "${factline.jwt.issuer:NONE}"),
                        "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of("%prod.factline.jwt.issuer", ""), "environment", 300))
                .withInterceptors(new BlankSettingsAreUnset())
                .build();
        assertThat(config.getValue("mp.jwt.verify.issuer", String.class)).isEqualTo("NONE");
    }

    @Test
    void otherSettingsAreNotItsBusiness() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.cors.origins", ""), "environment", 300))
                .withInterceptors(new BlankSettingsAreUnset())
                .build();
        assertThat(config.getConfigValue("quarkus.http.cors.origins").getValue()).isEqualTo("");
    }
}

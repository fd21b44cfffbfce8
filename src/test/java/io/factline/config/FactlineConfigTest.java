package io.factline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.factline.boot.BlankSettingsAreUnset;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class FactlineConfigTest {

    private static FactlineConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(FactlineConfig.class)
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withInterceptors(new BlankSettingsAreUnset())
                .build().getConfigMapping(FactlineConfig.class);
    }

    @Test
    void everySettingHasItsDefault() {
        FactlineConfig config = config(Map.of());
        assertThat(config.ingest().maxDocumentBytes()).isEqualTo(2_097_152);
        assertThat(config.seeds().dir()).isEqualTo(Path.of("seeds"));
        assertThat(config.seeds().enabled()).isTrue();
        assertThat(config.projection().batchSize()).isEqualTo(500);
        assertThat(config.projection().rebuildBatchSize()).isEqualTo(5000);
        assertThat(config.projection().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.metrics().lagInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.api().writeVisibilityTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.graphql().maxObjects()).isEqualTo(5000);
        assertThat(config.graphql().maxDepth()).isEqualTo(12);
        assertThat(config.graphql().maxComplexity()).isEqualTo(2000);
        assertThat(config.eventstore().poolSize()).isEqualTo(4);
    }

    @Test
    void anEmptyVariableLeavesTheDefaultAndAGivenOneWins() {
        FactlineConfig config = config(Map.of("factline.graphql.max-depth", "", "factline.ingest.max-document-bytes", " ",
                "factline.projection.poll-interval", "PT0.2S"));
        assertThat(config.graphql().maxDepth()).isEqualTo(12);
        assertThat(config.ingest().maxDocumentBytes()).isEqualTo(2_097_152);
        assertThat(config.projection().pollInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theDefaultsAreReadAsSmallRyeNamesTheSettings() {
        assertThat(MappingDefaults.of(FactlineConfig.class)).containsEntry("factline.graphql.max-depth", "12")
                .containsEntry("factline.ingest.max-document-bytes", "2097152")
                .containsEntry("factline.projection.rebuild-batch-size", "5000")
                .containsEntry("factline.eventstore.pool-size", "4")
                .containsEntry("factline.graphql.compiled-plans", "enabled").hasSize(23);
    }

    @Test
    void aQuarkusSettingPassedOnByAnExpressionTakesTheMappingsDefault() {
        var config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(FactlineConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "${factline.http.port}"),
                        "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of("factline.http.port", ""), "environment", 300))
                .withInterceptors(new BlankSettingsAreUnset())
                .build();
        assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(8080);
    }
}

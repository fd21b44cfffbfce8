package io.factline.boot;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tracing is off unless {@code FACTLINE_OTEL_ENDPOINT} is set; then the OpenTelemetry SDK starts
 * and exports there. A properties file cannot say "on when that is set", and a config source would
 * be read at build time too and leave its answer in the package, so the launcher decides at start.
 */
final class TracingSwitch {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String OTLP_ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String ENDPOINT = "factline.otel.endpoint";

    private TracingSwitch() {
    }

    /**
     * The system properties that switch tracing on, given the settings (system properties, then
     * environment variables); none where no endpoint is set or the SDK is switched off explicitly.
     */
    static Map<String, String> properties(Function<String, Optional<String>> settings) {
        Optional<String> endpoint = settings.apply(ENDPOINT).map(String::strip).filter(e -> !e.isEmpty());
        if (endpoint.isEmpty() || settings.apply(SDK_DISABLED).map(String::strip).filter("true"::equalsIgnoreCase).isPresent()) {
            return Map.of();
        }
        return settings.apply(OTLP_ENDPOINT).isPresent()
                ? Map.of(SDK_DISABLED, "false")
                : Map.of(SDK_DISABLED, "false", OTLP_ENDPOINT, endpoint.get()); // the exporter adds /v1/traces
    }
}

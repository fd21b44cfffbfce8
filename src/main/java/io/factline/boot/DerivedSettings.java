package io.factline.boot;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings that follow from factline's own variables but cannot be written as expressions in
 * application.properties, because the framework refuses an empty value where a setting is unset:
 * <ul>
 * <li>tracing is off unless {@code FACTLINE_OTEL_ENDPOINT} is set; then the OpenTelemetry SDK
 *     starts and exports there;</li>
 * <li>{@code FACTLINE_JWT_PUBLIC_KEY}, when set, is the key tokens are checked against.</li>
 * </ul>
 * Each variable may also be given as a system property ({@code factline.otel.endpoint}, …).
 * Explicit {@code quarkus.*} or {@code mp.*} settings still win: this source ranks below the
 * environment, system properties and application.properties.
 */
public class DerivedSettings implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String OTLP_ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private final Map<String, String> values = new HashMap<>();

    public DerivedSettings() {
        this(name -> Optional.ofNullable(System.getProperty(name))
                .orElse(System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))));
    }

    DerivedSettings(Function<String, String> settings) {
        String endpoint = value(settings, "factline.otel.endpoint");
        values.put(SDK_DISABLED, Boolean.toString(endpoint.isEmpty()));
        if (!endpoint.isEmpty()) {
            values.put(OTLP_ENDPOINT, endpoint); // the exporter adds /v1/traces
        }
        String key = value(settings, "factline.jwt.public-key");
        if (!key.isEmpty()) {
            values.put(PUBLIC_KEY, key);
        }
    }

    private static String value(Function<String, String> settings, String name) {
        return Optional.ofNullable(settings.apply(name)).map(String::strip).orElse("");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "factline-derived-settings";
    }

    @Override
    public int getOrdinal() {
        return 200; // below application.properties (250), environment (300) and system properties (400)
    }
}

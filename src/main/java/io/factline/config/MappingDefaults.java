package io.factline.config;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The defaults a {@link ConfigMapping} declares, by property name, read from its annotations as
 * SmallRye names them ({@code graphql().maxDepth()} under {@code factline} is
 * {@code factline.graphql.max-depth}). Lets a setting given as the empty string fall back to the
 * mapping's default, which SmallRye itself would not do.
 */
public final class MappingDefaults {

    private static final Map<String, String> FACTLINE = of(FactlineConfig.class);

    private MappingDefaults() {
    }

    /** The default of a factline setting, if the mapping declares one. */
    public static Optional<String> factline(String name) {
        return Optional.ofNullable(FACTLINE.get(name));
    }

    /** Every setting of the factline mapping. */
    public static java.util.Set<String> factlineNames() {
        return FACTLINE.keySet();
    }

    static Map<String, String> of(Class<?> mapping) {
        Map<String, String> defaults = new HashMap<>();
        collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, defaults);
        return Map.copyOf(defaults);
    }

    // a group is an interface declared in the mapping; anything else is a value
    private static void collect(Class<?> mapping, String prefix, Class<?> group, Map<String, String> defaults) {
        for (Method method : group.getMethods()) {
            String name = prefix + "." + kebab(method.getName());
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null) {
                defaults.put(name, value.value());
            } else if (method.getReturnType().isInterface() && method.getReturnType().getDeclaringClass() == mapping) {
                collect(mapping, name, method.getReturnType(), defaults);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

package io.factline.boot;

import jakarta.annotation.Priority;

import io.factline.config.MappingDefaults;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * A factline setting given as an empty value ({@code FACTLINE_JWT_ISSUER=}, as compose passes an
 * unset {@code ${FACTLINE_JWT_ISSUER:-}}) counts as not given, so its default applies. Without this
 * an empty variable would hide the default of every expression that reads it and stop the start.
 * It only hides values, so it behaves the same at build time and at run time; a blank value hides
 * application.properties too, so every factline setting keeps its default in
 * {@link io.factline.config.FactlineConfig} (given here in place of the blank, since SmallRye would
 * not look past it) or in a {@code ${…:default}} expression.
 */
// Higher priorities run first: expression expansion (LIBRARY + 300) and profiles (LIBRARY + 200) ask
// this one for the names they expand or qualify ("%prod.factline.…").
@Priority(Priorities.LIBRARY + 150)
public class BlankSettingsAreUnset implements ConfigSourceInterceptor {

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && isFactlineSetting(name) && value.getValue() != null && value.getValue().isBlank()) {
            // SmallRye would not reach a mapping's default past the blank value: give it here
            return MappingDefaults.factline(unqualified(name)).map(value::withValue).orElse(null);
        }
        return value;
    }

    private static boolean isFactlineSetting(String name) {
        return unqualified(name).startsWith("factline.");
    }

    private static String unqualified(String name) {
        return name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
    }
}

package io.factline.boot;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * A factline setting given as an empty value ({@code FACTLINE_JWT_ISSUER=}, as compose passes an
 * unset {@code ${FACTLINE_JWT_ISSUER:-}}) counts as not given, so its default applies. Without this
 * an empty variable would hide the default of every expression that reads it and stop the start.
 * It only hides values, so it behaves the same at build time and at run time. Every factline
 * setting therefore keeps its default in code or in a {@code ${…:default}} expression: a blank
 * value hides application.properties too.
 */
// Higher priorities run first: expression expansion (LIBRARY + 300) and profiles (LIBRARY + 200) ask
// this one for the names they expand or qualify ("%prod.factline.…").
@Priority(Priorities.LIBRARY + 150)
public class BlankSettingsAreUnset implements ConfigSourceInterceptor {

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && isFactlineSetting(name) && value.getValue() != null && value.getValue().isBlank()) {
            return null;
        }
        return value;
    }

    private static boolean isFactlineSetting(String name) {
        String unqualified = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
        return unqualified.startsWith("factline.");
    }
}

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
 * It only hides values, so it behaves the same at build time and at run time.
 */
@Priority(Priorities.LIBRARY + 200) // after expression expansion (LIBRARY + 300), which asks it for the names it expands
public class BlankSettingsAreUnset implements ConfigSourceInterceptor {

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && name.startsWith("factline.") && value.getValue() != null && value.getValue().isBlank()) {
            return null;
        }
        return value;
    }
}

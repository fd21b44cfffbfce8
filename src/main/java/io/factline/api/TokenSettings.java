package io.factline.api;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.factline.config.TokenKeys;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Checks at start that token verification is configured as a deployment means it, and refuses to
 * start otherwise:
 * <ul>
 * <li>a key without an issuer would accept any token that key signed, whoever issued it;</li>
 * <li>the dev and test profiles trust the development key pair committed to the repository, so a
 *     packaged service must not run with them.</li>
 * </ul>
 * No key at all is allowed (a read-only replica), and no audience too, but both are said loudly.
 */
@ApplicationScoped
public class TokenSettings {

    private static final Logger LOG = Logger.getLogger(TokenSettings.class);

    private static final List<String> AUDIENCE_SETTINGS = List.of("mp.jwt.verify.audiences", "smallrye.jwt.verify.aud");

    // before the other start-up work (reference data, seeds): a refused start appends nothing
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        boolean keyConfigured = TokenKeys.SETTINGS.stream().anyMatch(name -> setting(name).isPresent());
        String problem = problem(LaunchMode.current(), ConfigUtils.getProfiles(), keyConfigured,
                setting("mp.jwt.verify.issuer").isPresent());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (!keyConfigured) {
            LOG.warn("no token key configured (FACTLINE_JWT_PUBLIC_KEY_LOCATION): every write will be refused with 401");
        } else if (AUDIENCE_SETTINGS.stream().allMatch(name -> setting(name).isEmpty())) {
            LOG.warn("no token audience configured (FACTLINE_JWT_AUDIENCE): tokens the issuer made for other "
                    + "services are accepted too");
        }
    }

    /** A smallrye-jwt setting, if it sets something. */
    private static Optional<String> setting(String name) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(name, String.class).filter(TokenKeys::isGiven);
    }

    static String problem(LaunchMode mode, List<String> profiles, boolean keyConfigured, boolean issuerConfigured) {
        if (mode == LaunchMode.NORMAL && (profiles.contains("dev") || profiles.contains("test"))) {
            return "the packaged service does not run with the dev or test profile (it would trust the development "
                    + "key): unset QUARKUS_PROFILE, or run ./mvnw quarkus:dev";
        }
        if (keyConfigured && !issuerConfigured) {
            return "a token key is configured but no issuer: set FACTLINE_JWT_ISSUER to your identity provider's issuer";
        }
        return null;
    }
}

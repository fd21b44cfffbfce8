package io.factline.boot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.factline.config.TokenKeys;

/**
 * Decides, before Quarkus starts, whether this installation signs its own tokens: only on the
 * embedded database (a service on one machine, its data folder its own) with no identity provider
 * configured and {@code FACTLINE_LOCAL_WRITES_ENABLED} not false. Then the local key's public half is
 * the key tokens are verified with, and {@link LocalWritesAnnouncement} says how to write once the
 * service listens. With a configured database and no provider, writes stay refused.
 */
final class LocalWrites {

    /** Every setting a verification key can come from: any of them means an identity provider is configured. */
    private static final List<String> PROVIDER_SETTINGS = Stream.concat(Stream.of("factline.jwt.public-key-location"),
            TokenKeys.SETTINGS.stream()).toList();

    static final String TOKEN_FILE = "factline-launcher.local-writes.token-file";
    static final String FRESH = "factline-launcher.local-writes.fresh";
    static final String EXPIRES = "factline-launcher.local-writes.expires";

    private LocalWrites() {
    }

    static Optional<LocalWriteKey.Issued> setUpIfNoProvider(Path dataFolder) {
        if (PROVIDER_SETTINGS.stream().anyMatch(LocalWrites::given)
                || !Boolean.parseBoolean(DatabaseBootstrap.settingOrDefault("factline.local-writes.enabled"))) {
            return Optional.empty();
        }
        LocalWriteKey.Issued issued = new LocalWriteKey(dataFolder, Clock.systemUTC()).ensure();
        System.setProperty("factline.jwt.public-key-location", issued.publicKey().toAbsolutePath().toString());
        System.setProperty("factline.jwt.issuer", LocalWriteKey.ISSUER);
        System.setProperty("factline.jwt.audience", LocalWriteKey.AUDIENCE);
        System.setProperty(TOKEN_FILE, issued.tokenFile().toAbsolutePath().toString());
        System.setProperty(FRESH, Boolean.toString(issued.fresh()));
        System.setProperty(EXPIRES, issued.expires().toString());
        return Optional.of(issued);
    }

    private static boolean given(String setting) {
        return DatabaseBootstrap.setting(setting).filter(TokenKeys::isGiven).isPresent();
    }
}

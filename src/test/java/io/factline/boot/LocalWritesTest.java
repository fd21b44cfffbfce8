package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the launcher makes a local key: as system properties, the way the launcher reads settings. */
class LocalWritesTest {

    private static final List<String> TOUCHED = List.of("mp.jwt.verify.publickey", "factline.jwt.public-key-location",
            "factline.jwt.issuer", "factline.jwt.audience", LocalWrites.TOKEN_FILE, LocalWrites.FRESH, LocalWrites.EXPIRES);

    @TempDir
    Path data;

    @AfterEach
    void clear() {
        TOUCHED.forEach(System::clearProperty);
    }

    @Test
    void smallryeJwtsNoneCountsAsNoProvider() {
        // what ./mvnw quarkus:run passes to the service it starts
        System.setProperty("mp.jwt.verify.publickey", "NONE");
        assertThat(LocalWrites.setUpIfNoProvider(data)).isPresent();
        assertThat(System.getProperty("factline.jwt.public-key-location"))
                .isEqualTo(data.resolve("local-key").resolve("public-key.pem").toAbsolutePath().toString());
        assertThat(System.getProperty("factline.jwt.issuer")).isEqualTo("urn:factline:local");
    }

    @Test
    void aConfiguredKeyMeansAProviderAndNoLocalKey() {
        System.setProperty("factline.jwt.public-key-location", "https://idp.example.org/jwks");
        assertThat(LocalWrites.setUpIfNoProvider(data)).isEmpty();
        assertThat(data.resolve("local-key")).doesNotExist();
    }
}

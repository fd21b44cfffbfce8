package io.factline.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWriteKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAKeyPairAndAnAdminTokenThatItsPublicKeyVerifies() throws Exception {
        LocalWriteKey.Issued issued = at(NOW).ensure();

        assertThat(issued.fresh()).isTrue();
        assertThat(issued.folder()).isEqualTo(data.resolve("local-key"));
        assertThat(Files.readString(issued.tokenFile()).strip()).isEqualTo(issued.token());
        JwtClaims claims = verify(issued.token(), issued.publicKey(), NOW);
        assertThat(claims.getSubject()).isEqualTo("local-admin");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("ingest", "curate", "admin");
        assertThat(Instant.ofEpochSecond(claims.getExpirationTime().getValue())).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(issued.expires()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        // only the owner reads the private key and the token
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(issued.folder().resolve("private-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(issued.tokenFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(issued.folder()))).isEqualTo("rwx------");
        try (var files = Files.list(issued.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("private-key.pem",
                    "public-key.pem", "admin-token");
        }
    }

    @Test
    void laterStartsKeepTheKeyAndTheToken() {
        LocalWriteKey.Issued first = at(NOW).ensure();
        LocalWriteKey.Issued again = at(NOW.plus(Duration.ofDays(30))).ensure();

        assertThat(again.fresh()).isFalse();
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.expires()).isEqualTo(first.expires());
    }

    @Test
    void aTokenNearItsEndIsMadeAgainWithTheSameKey() throws Exception {
        LocalWriteKey.Issued first = at(NOW).ensure();
        String publicKey = Files.readString(first.publicKey());
        Instant later = NOW.plus(Duration.ofDays(360));
        LocalWriteKey.Issued renewed = at(later).ensure();

        assertThat(renewed.fresh()).isTrue();
        assertThat(renewed.token()).isNotEqualTo(first.token());
        assertThat(Files.readString(renewed.publicKey())).isEqualTo(publicKey);
        verify(renewed.token(), renewed.publicKey(), later);
    }

    @Test
    void aTokenFileThatIsNotOursIsReplaced() throws Exception {
        LocalWriteKey.Issued first = at(NOW).ensure();
        Files.writeString(first.tokenFile(), "not.a.token\n");
        LocalWriteKey.Issued again = at(NOW).ensure();

        assertThat(again.fresh()).isTrue();
        verify(again.token(), again.publicKey(), NOW);
    }

    @Test
    void aDamagedKeyStopsTheStartAndIsNotReplaced() throws Exception {
        LocalWriteKey.Issued first = at(NOW).ensure();
        Path privateKey = first.folder().resolve("private-key.pem");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> at(NOW).ensure()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("private-key.pem is not an RSA key").hasMessageContaining("delete the folder");
        assertThat(Files.readString(privateKey)).contains("bm90IGEga2V5");
    }

    private LocalWriteKey at(Instant instant) {
        return new LocalWriteKey(data, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static JwtClaims verify(String token, Path publicKeyFile, Instant at) throws Exception {
        String pem = Files.readString(publicKeyFile, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("urn:factline:local")
                .setExpectedAudience("factline").setEvaluationTime(NumericDate.fromSeconds(at.getEpochSecond()))
                .setRequireExpirationTime().build().processToClaims(token);
    }
}

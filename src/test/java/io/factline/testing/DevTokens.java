package io.factline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Development tokens, signed with the development key pair in {@code src/dev/jwt} that only the dev
 * and test profiles trust. The README's token command runs {@link #main}:
 * {@code ./mvnw -q test-compile exec:java@dev-token -Dexec.args="alice ingest,curate,admin"}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://factline.dev/issuer";
    public static final String AUDIENCE = "factline";
    private static final Path PRIVATE_KEY = Path.of("src", "dev", "jwt", "private-key.pem");

    private DevTokens() {
    }

    /** Prints a token: arguments are the subject, the roles (comma-separated) and, optionally, minutes of validity. */
    public static void main(String... args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: <subject> <role,role,...> [minutes]   roles: ingest, curate, admin");
            System.exit(2);
        }
        Duration validity = Duration.ofMinutes(args.length > 2 ? Long.parseLong(args[2]) : 60);
        System.out.println(sign(claims(args[0], List.of(args[1].split(",")), Instant.now().plus(validity)), devKey()));
    }

    /** A valid token for an hour. */
    public static String of(String subject, String... roles) {
        return sign(claims(subject, List.of(roles), Instant.now().plus(Duration.ofHours(1))), devKey());
    }

    /** A token that expired ten minutes ago, otherwise valid. */
    public static String expired(String subject, String... roles) {
        return sign(claims(subject, List.of(roles), Instant.now().minus(Duration.ofMinutes(10))), devKey());
    }

    /** Signed with the development key but issued by someone else. */
    public static String fromIssuer(String issuer, String subject, String... roles) {
        return changed(claims -> claims.setIssuer(issuer), subject, roles);
    }

    /** Signed with the development key, by the right issuer, but for another service. */
    public static String forAudience(String audience, String subject, String... roles) {
        return changed(claims -> claims.setAudience(audience), subject, roles);
    }

    /** A token valid for an hour but for one change to its claims. */
    private static String changed(Consumer<JwtClaims> change, String subject, String... roles) {
        JwtClaims claims = claims(subject, List.of(roles), Instant.now().plus(Duration.ofHours(1)));
        change.accept(claims);
        return sign(claims, devKey());
    }

    /** A well-formed token with the right issuer, signed by a key nobody configured. */
    public static String foreignSigned(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(subject, List.of(roles), Instant.now().plus(Duration.ofHours(1))),
                    generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(String subject, List<String> roles, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(Instant.now().getEpochSecond(), expires.getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", roles);
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey devKey() {
        try {
            String pem = Files.readString(PRIVATE_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the development key " + PRIVATE_KEY.toAbsolutePath(), e);
        }
    }
}

package io.factline.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * The signing key of one installation, for a service that runs on its embedded database with no
 * identity provider (the quick start): its key pair and an admin token live in the data folder, so
 * that whoever can read that folder can write, and nobody else. The key is made at the first start
 * and kept; the token is made again only when it is missing, expiring within a week, or no longer
 * signed by this key. Nothing here is ever part of the image: the key is made at run time.
 */
final class LocalWriteKey {

    static final String ISSUER = "urn:factline:local";
    static final String AUDIENCE = "factline";
    static final String SUBJECT = "local-admin";
    static final List<String> ROLES = List.of("ingest", "curate", "admin");
    static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    /** The key's folder in the data folder, its public key file, the token, and whether the token is new. */
    record Issued(Path folder, Path publicKey, Path tokenFile, String token, Instant expires, boolean fresh) {
    }

    private final Path folder;
    private final Clock clock;

    LocalWriteKey(Path dataFolder, Clock clock) {
        this.folder = dataFolder.resolve("local-key");
        this.clock = clock;
    }

    /** The key pair (made if missing) and a token that holds for at least a week more (made if not). */
    Issued ensure() {
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            Path privateFile = folder.resolve("private-key.pem");
            Path publicFile = folder.resolve("public-key.pem");
            boolean newKey = !Files.exists(privateFile);
            if (newKey) {
                KeyPair pair = generate();
                // public first: a private key without its public half would be a key nobody verifies with
                writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
                writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
            }
            PrivateKey privateKey = readPrivate(privateFile);
            PublicKey publicKey = readPublic(publicFile);
            Path tokenFile = folder.resolve("admin-token");
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if (!newKey && Files.exists(tokenFile)) {
                String kept = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
                Instant expires = expiryIfValid(kept, publicKey);
                if (expires != null && expires.isAfter(now.plus(RENEW_BEFORE))) {
                    return new Issued(folder, publicFile, tokenFile, kept, expires, false);
                }
            }
            Instant expires = now.plus(VALIDITY);
            String token = sign(privateKey, now, expires);
            writeAtomically(tokenFile, token + "\n", "rw-------");
            return new Issued(folder, publicFile, tokenFile, token, expires, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the local signing key in " + folder + " cannot be written or read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an RSA key", e);
        }
    }

    private static String sign(PrivateKey key, Instant issued, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(SUBJECT);
        claims.setStringListClaim("groups", ROLES);
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("the local admin token cannot be signed", e);
        }
    }

    /** When a kept token expires, if this key signed it for this issuer; null if it is not one of ours. */
    private Instant expiryIfValid(String token, PublicKey key) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(ISSUER)
                    .setExpectedAudience(AUDIENCE).setEvaluationTime(NumericDate.fromSeconds(clock.instant().getEpochSecond()))
                    .setRequireExpirationTime().build().processToClaims(token);
            return Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        } catch (InvalidJwtException | MalformedClaimException e) {
            return null;
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
    }

    private static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
    }

    // never replaced silently: tokens already handed out would stop working without a word
    private static IllegalStateException unreadable(Path file, Exception cause) {
        return new IllegalStateException(file + " is not an RSA key in PEM form; restore it, or delete the folder "
                + file.getParent() + " to make a new key (tokens made with the old one stop working)", cause);
    }

    private static byte[] der(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    // written beside and moved into place, so a start killed halfway leaves no half key
    private static void writeAtomically(Path file, String content, String permissions) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial);
        restrict(partial, permissions);
        Files.writeString(partial, content, StandardCharsets.US_ASCII);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        Set<String> views = path.getFileSystem().supportedFileAttributeViews();
        if (views.contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}

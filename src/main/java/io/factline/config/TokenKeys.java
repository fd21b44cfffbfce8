package io.factline.config;

import java.util.List;

/**
 * Where smallrye-jwt takes a token verification key from, and how it says "not set", for the two
 * that ask whether a key is configured: the launcher (before Quarkus) and the start-up check.
 */
public final class TokenKeys {

    /** Every smallrye-jwt setting a verification key can come from. */
    public static final List<String> SETTINGS = List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey",
            "smallrye.jwt.verify.key.location", "smallrye.jwt.verify.secretkey");

    private TokenKeys() {
    }

    /** A value that sets something: not blank, and not NONE, smallrye-jwt's "not set" (quarkus:run passes it). */
    public static boolean isGiven(String value) {
        return value != null && !value.isBlank() && !value.equals("NONE");
    }
}

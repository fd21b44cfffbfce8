package io.factline.eventstore;

/**
 * What a writer expects of a stream before appending to it (optimistic concurrency).
 * Encoded as an int on the wire: -1 any, -2 the stream exists, 0 no stream yet, n > 0 exactly n.
 */
public record ExpectedVersion(int code) {

    public static final ExpectedVersion ANY = new ExpectedVersion(-1);
    public static final ExpectedVersion STREAM_EXISTS = new ExpectedVersion(-2);
    public static final ExpectedVersion NO_STREAM = new ExpectedVersion(0);

    public ExpectedVersion {
        if (code < -2) {
            throw new IllegalArgumentException("expected version must be -2, -1, 0 or a stream version > 0: " + code);
        }
    }

    public static ExpectedVersion exactly(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stream version starts at 1: " + version);
        }
        return new ExpectedVersion(version);
    }

    @Override
    public String toString() {
        return switch (code) {
            case -1 -> "any";
            case -2 -> "stream exists";
            case 0 -> "no stream";
            default -> "version " + code;
        };
    }
}

package io.factline.eventstore;

/** A stream was not at the version the writer expected; nothing of that append was written. */
public class WrongExpectedVersionException extends RuntimeException {

    private final String streamId;
    private final ExpectedVersion expected;
    private final int actualVersion;

    public WrongExpectedVersionException(String streamId, ExpectedVersion expected, int actualVersion) {
        super("stream " + streamId + " is at version " + actualVersion + ", expected " + expected);
        this.streamId = streamId;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public int actualVersion() {
        return actualVersion;
    }
}

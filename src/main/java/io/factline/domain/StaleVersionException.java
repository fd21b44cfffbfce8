package io.factline.domain;

/** The writer's expected version is not the current one: someone changed the fact in between. */
public class StaleVersionException extends RuntimeException {

    private final int currentVersion;

    public StaleVersionException(String what, int expected, int current) {
        super(what + " is at version " + current + ", not " + expected + "; read it again and retry");
        this.currentVersion = current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}

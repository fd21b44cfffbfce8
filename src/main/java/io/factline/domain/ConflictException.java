package io.factline.domain;

/** The request clashes with the current state, e.g. retracting a fact already retracted. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

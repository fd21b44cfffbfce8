package io.factline.domain;

/** A value that breaks a rule of the fact model; the request that carried it is refused. */
public class InvalidFactException extends RuntimeException {
    public InvalidFactException(String message) {
        super(message);
    }
}

package io.factline.domain;

/** A request that cannot be read at all: a bad cursor, a date that is no date, a number that is no number. */
public class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
        super(message);
    }
}

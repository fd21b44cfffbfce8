package io.factline.domain;

/** A document body that is not text factline can read: binary bytes, invalid UTF-8, an unknown media type. */
public class UnsupportedContentException extends RuntimeException {
    public UnsupportedContentException(String message) {
        super(message);
    }
}

package io.factline.domain;

/** A document over the configured size limit. */
public class ContentTooLargeException extends RuntimeException {
    public ContentTooLargeException(long size, long limit) {
        super("the document has " + size + " bytes; the limit is " + limit);
    }
}

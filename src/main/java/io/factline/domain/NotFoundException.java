package io.factline.domain;

/** No such fact, document, actor or topic. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super("no " + what + " with id '" + id + "'");
    }
}

package io.factline.domain;

/** The part an actor plays in a fact. */
public enum Role {
    SPEAKER, ADDRESSEE, PARTY, PARTICIPANT, HOST, VISITOR
}

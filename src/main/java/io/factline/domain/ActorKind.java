package io.factline.domain;

public enum ActorKind {
    PERSON, STATE, ORGANISATION, PARTY, BODY
}

package io.factline.domain;

/** Whether a fact was extracted from a document or asserted by a curator. */
public enum FactOrigin {
    EXTRACTED, ASSERTED
}

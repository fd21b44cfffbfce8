package io.factline.domain;

public enum FactStatus {
    ACTIVE, RETRACTED
}

package io.factline.domain;

public enum FactType {
    STATEMENT, AGREEMENT, MEETING
}

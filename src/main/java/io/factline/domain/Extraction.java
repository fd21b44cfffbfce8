package io.factline.domain;

/**
 * How an extracted fact was read: the extractor's version, the event's CAMEO code and PLOVER type
 * (with its mode, "CONSULT:phone"; null for a neutral statement), and a target date the fact points
 * to without having happened on it ("agreed to reduce troops to 25,000 by 2008"). Curated facts have none.
 */
public record Extraction(String extractorVersion, String cameo, String plover, FactDate target) {
}

package io.factline.extract;

import io.factline.domain.FactType;

/** A word that makes a clause a fact of some type, with the event codes it carries. */
record Trigger(FactType type, int token, int lastToken, String word, String cameo, String plover, String mode,
               boolean joint, boolean noun) {

    /** PLOVER as "TYPE" or "TYPE:mode", or null for a neutral statement (PLOVER has no such category). */
    String ploverCode() {
        if (plover == null) {
            return null;
        }
        return mode == null ? plover : plover + ":" + mode;
    }
}

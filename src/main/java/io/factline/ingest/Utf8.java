package io.factline.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.factline.domain.UnsupportedContentException;

/** Strict UTF-8: bytes that are not UTF-8 text are refused, never replaced with question marks. */
public final class Utf8 {

    private Utf8() {
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, StandardCharsets.UTF_8);
    }

    /** Text in the charset its sender named (text/plain; charset=iso-8859-1), read as strictly. */
    public static String decode(byte[] bytes, java.nio.charset.Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedContentException("the body is not " + charset.displayName() + " text");
        }
    }
}

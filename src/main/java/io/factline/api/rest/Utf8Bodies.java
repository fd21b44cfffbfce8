package io.factline.api.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.factline.ingest.Utf8;

/**
 * A JSON body must be UTF-8 text before Jackson reads it: Jackson's own decoder lets an overlong
 * sequence through as another character, so the bytes are checked first (415 when they are not).
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            byte[] body = context.getInputStream().readAllBytes();
            Utf8.decode(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}

package io.factline.api.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.factline.api.Failure;
import io.factline.api.FailureKind;
import io.factline.domain.Texts;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every REST request must be before a resource sees it: a query string of UTF-8 text (no byte
 * sequence that decodes to nothing, no control character), and a body that says what it is (a
 * Content-Type, in a charset Java reads; JSON is UTF-8 whatever it says, RFC 8259). Refused here once,
 * with a problem document, rather than in each resource.
 */
@ApplicationScoped
public class RequestChecks {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String query = context.request().query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null) {
                    refuse(context, FailureKind.MALFORMED_REQUEST, "the query string holds a %-escape "
                            + "that is not UTF-8 text: " + pair);
                    return;
                }
                String unfit = Texts.unfit(value);
                if (unfit != null) {
                    refuse(context, FailureKind.INVALID_VALUE, name + " holds " + unfit);
                    return;
                }
            }
        }
        String method = context.request().method().name();
        boolean hasBody = context.request().getHeader("Transfer-Encoding") != null
                || !"0".equals(context.request().getHeader("Content-Length")) && context.request().getHeader("Content-Length") != null;
        if (hasBody && method.equals("POST")) { // the only method that takes a body here; others answer 405
            String type = context.request().getHeader("Content-Type");
            if (type == null || type.isBlank()) {
                refuse(context, FailureKind.UNSUPPORTED_MEDIA_TYPE,
                        "the body has no Content-Type; say what it is (application/json, text/plain or text/html)");
                return;
            }
            String charset = charset(type);
            if (charset != null && !supported(charset)) {
                refuse(context, FailureKind.UNSUPPORTED_MEDIA_TYPE, "the body's charset " + charset
                        + " is none this service reads (UTF-8, ISO-8859-1, windows-1252, UTF-16…)");
                return;
            }
        }
        context.next();
    }

    private static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The charset a Content-Type names, lower case, or null. */
    static String charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }

    /** A query component, %-decoded and read as strict UTF-8 ('+' is a space); null when it is no text. */
    static String decode(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 >= component.length()) {
                    return null;
                }
                int high = Character.digit(component.charAt(i + 1), 16);
                int low = Character.digit(component.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void refuse(RoutingContext context, FailureKind kind, String detail) {
        HttpFailures.answer(context, new Failure(kind, detail));
    }
}

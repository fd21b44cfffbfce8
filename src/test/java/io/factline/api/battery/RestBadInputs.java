package io.factline.api.battery;

import java.util.ArrayList;
import java.util.List;

/** The REST half of the battery: bodies, content types, parameters, paths, tokens and values. */
final class RestBadInputs {

    static final String DOCUMENT = "{\"text\":\"Battery text {uniq}.\",\"title\":\"battery\",\"publisher\":\"p\",\"url\":\"https://example.org/b\"}";
    static final String FACT = "{\"type\":\"AGREEMENT\",\"date\":{\"value\":\"2021-05\"},"
            + "\"actors\":[{\"actor\":\"moon-jae-in\",\"role\":\"PARTY\"},{\"actor\":\"joe-biden\",\"role\":\"PARTY\"}],"
            + "\"topics\":[\"north-korea-nuclear\"],\"summary\":\"Battery {uniq}\",\"note\":\"n\","
            + "\"sources\":[{\"document\":\"{doc}\",\"quote\":\"Presidents Moon and Biden reaffirmed their commitment\"}]}";
    static final String CORRECTION = "{\"summary\":\"Corrected {uniq}\",\"reason\":\"battery\"}";
    static final String RETRACTION = "{\"reason\":\"battery {uniq}\"}";

    static final String MALFORMED = "malformed-request";
    static final String INVALID = "invalid-value";
    static final String MEDIA_TYPE = "unsupported-media-type";
    static final String CONTENT = "unsupported-content";

    private RestBadInputs() {
    }

    /** The four endpoints that take JSON, each with a valid body, ready for a writer. */
    private record Endpoint(String name, String path, String body, boolean versioned) {
    }

    private static final List<Endpoint> JSON_ENDPOINTS = List.of(
            new Endpoint("document", "/api/documents", DOCUMENT, false),
            new Endpoint("fact", "/api/facts", FACT, false),
            new Endpoint("correction", "/api/facts/{fact}/corrections", CORRECTION, true),
            new Endpoint("retraction", "/api/facts/{fact}/retraction", RETRACTION, true));

    private static BadInput.Builder writer(String kind, Endpoint e) {
        BadInput.Builder b = new BadInput.Builder(kind, false).at("POST", e.path())
                .header("Authorization", "Bearer {token}").header("Content-Type", "application/json");
        return e.versioned() ? b.header("If-Match", "*") : b;
    }

    static String with(String body, String from, String to) {
        if (!body.contains(from)) {
            throw new IllegalArgumentException("no " + from + " in " + body);
        }
        return body.replace(from, to);
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        for (Endpoint e : JSON_ENDPOINTS) {
            cases.addAll(syntax(e));
        }
        cases.addAll(duplicateKeys());
        cases.addAll(wrongTypes());
        cases.addAll(notText());
        cases.addAll(contentTypes());
        cases.addAll(RestParameterInputs.all());
        cases.addAll(RestServedShapeInputs.all());
        return cases;
    }

    private static List<BadInput> syntax(Endpoint e) {
        BadInput.Builder b = writer("JSON syntax", e);
        String n = e.name() + ": ";
        String body = e.body();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String firstKey = body.substring(1, body.indexOf(':'));
        return List.of(
                b.body(n + "trailing garbage", body + " }{ garbage", 400, MALFORMED),
                b.body(n + "two objects", body + body, 400, MALFORMED),
                b.body(n + "trailing comma", body.substring(0, body.length() - 1) + ",}", 400, MALFORMED),
                b.body(n + "unterminated", body.substring(0, body.length() - 1), 400, MALFORMED),
                b.body(n + "only an opening brace", "{", 400, MALFORMED),
                b.body(n + "empty body", "", 400, MALFORMED),
                b.body(n + "whitespace only", "  \n ", 400, MALFORMED),
                b.body(n + "null", "null", 400, MALFORMED),
                b.body(n + "an array", "[" + body + "]", 400, MALFORMED),
                b.body(n + "a string", "\"text\"", 400, MALFORMED),
                b.body(n + "a number", "42", 400, MALFORMED),
                b.body(n + "a boolean", "true", 400, MALFORMED),
                b.body(n + "single quotes", body.replace('"', '\''), 400, MALFORMED),
                b.body(n + "unquoted key", "{" + firstKey.replace("\"", "") + body.substring(body.indexOf(':')), 400, MALFORMED),
                b.body(n + "a comment", "/* c */" + body, 400, MALFORMED),
                b.body(n + "NaN", with(body, "{" + firstKey + ":", "{" + firstKey + ":NaN,\"x\":"), 400, MALFORMED),
                b.body(n + "raw newline in a string", inFirstString(body, "a\nb"), 400, MALFORMED),
                b.body(n + "raw tab in a string", inFirstString(body, "a\tb"), 400, MALFORMED),
                b.body(n + "bad escape", inFirstString(body, "\\x41"), 400, MALFORMED),
                b.body(n + "bad unicode escape", inFirstString(body, "\\u12G4"), 400, MALFORMED),
                b.raw(n + "bytes that are not UTF-8", invalidUtf8(body), 415, CONTENT),
                b.body(n + "nested 10,000 deep", with(body, "{" + firstKey + ":", "{\"deep\":" + deep + "," + firstKey + ":"), 400, MALFORMED));
    }

    /** The body with these characters put at the start of its first string value. */
    private static String inFirstString(String body, String insert) {
        int at = body.indexOf(":\"") + 2;
        return body.substring(0, at) + insert + body.substring(at);
    }

    private static byte[] invalidUtf8(String body) {
        byte[] text = body.replace("{uniq}", "x").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(text, text.length);
        int at = body.indexOf(":\"") + 2;
        out[at] = (byte) 0xC0; // an overlong encoding: never valid UTF-8
        out[at + 1] = (byte) 0xAF;
        return out;
    }

    private static List<BadInput> duplicateKeys() {
        List<BadInput> cases = new ArrayList<>();
        Endpoint d = JSON_ENDPOINTS.get(0);
        Endpoint f = JSON_ENDPOINTS.get(1);
        Endpoint c = JSON_ENDPOINTS.get(2);
        Endpoint r = JSON_ENDPOINTS.get(3);
        BadInput.Builder b = writer("duplicate keys", d);
        cases.add(b.body("document: text twice", with(DOCUMENT, "\"title\"", "\"text\":\"other\",\"title\""), 400, MALFORMED));
        cases.add(b.body("document: title twice", with(DOCUMENT, "\"publisher\"", "\"title\":\"t2\",\"publisher\""), 400, MALFORMED));
        cases.add(b.body("document: the same value twice", with(DOCUMENT, "\"publisher\":\"p\"", "\"publisher\":\"p\",\"publisher\":\"p\""), 400, MALFORMED));
        b = writer("duplicate keys", f);
        cases.add(b.body("fact: type twice", with(FACT, "\"date\"", "\"type\":\"MEETING\",\"date\""), 400, MALFORMED));
        cases.add(b.body("fact: summary twice", with(FACT, "\"note\"", "\"summary\":\"x\",\"note\""), 400, MALFORMED));
        cases.add(b.body("fact: a date's value twice", with(FACT, "{\"value\":\"2021-05\"}", "{\"value\":\"2021-05\",\"value\":\"2020\"}"), 400, MALFORMED));
        cases.add(b.body("fact: an actor's role twice", with(FACT, "\"role\":\"PARTY\"}", "\"role\":\"PARTY\",\"role\":\"HOST\"}"), 400, MALFORMED));
        cases.add(b.body("fact: a source's quote twice", with(FACT, "\"quote\"", "\"quote\":\"x\",\"quote\""), 400, MALFORMED));
        b = writer("duplicate keys", c);
        cases.add(b.body("correction: reason twice", with(CORRECTION, "\"reason\":\"battery\"", "\"reason\":\"a\",\"reason\":\"battery\""), 400, MALFORMED));
        cases.add(b.body("correction: summary twice", with(CORRECTION, "\"reason\"", "\"summary\":\"s\",\"reason\""), 400, MALFORMED));
        b = writer("duplicate keys", r);
        cases.add(b.body("retraction: reason twice", "{\"reason\":\"a\",\"reason\":\"b\"}", 400, MALFORMED));
        return cases;
    }

    private static List<BadInput> wrongTypes() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder d = writer("wrong value types", JSON_ENDPOINTS.get(0));
        String text = "\"text\":\"Battery text {uniq}.\"";
        for (String v : List.of("42", "true", "{}", "[]", "[\"a\"]", "4.2e1")) {
            cases.add(d.body("document: text " + v, with(DOCUMENT, text, "\"text\":" + v), 400, MALFORMED));
        }
        for (String v : List.of("42", "false", "{\"a\":1}")) {
            cases.add(d.body("document: title " + v, with(DOCUMENT, "\"title\":\"battery\"", "\"title\":" + v), 400, MALFORMED));
        }
        cases.add(d.body("document: url 7", with(DOCUMENT, "\"url\":\"https://example.org/b\"", "\"url\":7"), 400, MALFORMED));
        cases.add(d.body("document: publishedDate 20210630", with(DOCUMENT, "\"title\"", "\"publishedDate\":20210630,\"title\""), 400, MALFORMED));
        cases.add(d.body("document: publishedDate true", with(DOCUMENT, "\"title\"", "\"publishedDate\":true,\"title\""), 400, MALFORMED));
        BadInput.Builder f = writer("wrong value types", JSON_ENDPOINTS.get(1));
        String[][] fact = {
                {"type 42", "\"type\":\"AGREEMENT\"", "\"type\":42"},
                {"type true", "\"type\":\"AGREEMENT\"", "\"type\":true"},
                {"type a list", "\"type\":\"AGREEMENT\"", "\"type\":[\"AGREEMENT\"]"},
                {"date a number", "\"date\":{\"value\":\"2021-05\"}", "\"date\":2021"},
                {"date's value a number", "{\"value\":\"2021-05\"}", "{\"value\":2021}"},
                {"actors an object", "\"actors\":[", "\"actors\":{\"a\":[" },
                {"actors a string", "\"actors\":[{\"actor\":\"moon-jae-in\",\"role\":\"PARTY\"},{\"actor\":\"joe-biden\",\"role\":\"PARTY\"}]", "\"actors\":\"moon-jae-in\""},
                {"an actor a number", "{\"actor\":\"moon-jae-in\",\"role\":\"PARTY\"}", "7"},
                {"an actor's id a number", "\"actor\":\"moon-jae-in\"", "\"actor\":7"},
                {"an actor's role a number", "\"role\":\"PARTY\"}", "\"role\":1}"},
                {"topics a string", "\"topics\":[\"north-korea-nuclear\"]", "\"topics\":\"north-korea-nuclear\""},
                {"a topic a number", "[\"north-korea-nuclear\"]", "[5]"},
                {"summary a number", "\"summary\":\"Battery {uniq}\"", "\"summary\":12"},
                {"summary a list", "\"summary\":\"Battery {uniq}\"", "\"summary\":[\"Battery {uniq}\"]"},
                {"sources an object", "\"sources\":[", "\"sources\":{\"s\":["},
                {"a source's start a string", "\"quote\"", "\"start\":\"12\",\"quote\""},
                {"a source's start a fraction", "\"quote\"", "\"start\":1.5,\"quote\""},
                {"a source's start a boolean", "\"quote\"", "\"start\":true,\"quote\""},
                {"a source's confidence a string", "\"quote\"", "\"confidence\":\"high\",\"quote\""},
                {"id a number", "{\"type\"", "{\"id\":42,\"type\""},
                {"note an object", "\"note\":\"n\"", "\"note\":{}"}};
        for (String[] c : fact) {
            cases.add(f.body("fact: " + c[0], with(FACT, c[1], c[2]), 400, MALFORMED));
        }
        cases.add(f.body("fact: a source's start beyond int", with(FACT, "\"quote\"", "\"start\":2147483648,\"quote\""), 400, MALFORMED));
        BadInput.Builder c = writer("wrong value types", JSON_ENDPOINTS.get(2));
        cases.add(c.body("correction: summary a number", "{\"summary\":3,\"reason\":\"r\"}", 400, MALFORMED));
        cases.add(c.body("correction: reason an object", "{\"summary\":\"s\",\"reason\":{}}", 400, MALFORMED));
        cases.add(c.body("correction: type a number", "{\"type\":1,\"reason\":\"r\"}", 400, MALFORMED));
        cases.add(c.body("correction: topics a number", "{\"topics\":7,\"reason\":\"r\"}", 400, MALFORMED));
        BadInput.Builder r = writer("wrong value types", JSON_ENDPOINTS.get(3));
        for (String v : List.of("42", "true", "{}", "[\"dup\"]")) {
            cases.add(r.body("retraction: reason " + v, "{\"reason\":" + v + "}", 400, MALFORMED));
        }
        return cases;
    }

    private static List<BadInput> notText() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder d = writer("text that is not text", JSON_ENDPOINTS.get(0));
        String text = "Battery text {uniq}.";
        for (String[] bad : new String[][]{{"NUL", "\\u0000"}, {"a lone high surrogate", "\\ud800"},
                {"a lone low surrogate", "\\udc00"}, {"surrogates reversed", "\\udc00\\ud800"}}) {
            cases.add(d.body("document: text with " + bad[0], with(DOCUMENT, text, "Battery " + bad[1] + " {uniq}."), 422, INVALID));
        }
        cases.add(d.body("document: title with NUL", with(DOCUMENT, "\"title\":\"battery\"", "\"title\":\"bat\\u0000\""), 422, INVALID));
        cases.add(d.body("document: title with a lone surrogate", with(DOCUMENT, "\"title\":\"battery\"", "\"title\":\"bat\\ud83d\""), 422, INVALID));
        cases.add(d.body("document: publisher with NUL", with(DOCUMENT, "\"publisher\":\"p\"", "\"publisher\":\"\\u0000\""), 422, INVALID));
        cases.add(d.body("document: url with a lone surrogate", with(DOCUMENT, "example.org", "ex\\udfffample.org"), 422, INVALID));
        BadInput.Builder plain = new BadInput.Builder("text that is not text", false).at("POST", "/api/documents?title=battery")
                .header("Authorization", "Bearer {token}").header("Content-Type", "text/plain; charset=utf-8");
        cases.add(plain.raw("plain document: a NUL byte (binary)", "Battery\0 text.".getBytes(java.nio.charset.StandardCharsets.UTF_8), 415, CONTENT));
        cases.add(plain.raw("plain document: a surrogate encoded in bytes", new byte[]{'B', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x'}, 415, CONTENT));
        cases.add(plain.raw("plain document: an overlong slash", new byte[]{'B', (byte) 0xC0, (byte) 0xAF, 'x'}, 415, CONTENT));
        cases.add(plain.raw("plain document: Latin-1 bytes", new byte[]{'c', 'a', 'f', (byte) 0xE9}, 415, CONTENT));
        cases.add(plain.copy("text that is not text").header("Content-Type", "text/html").raw("html document: a NUL byte (binary)",
                "<p>Battery\0</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8), 415, CONTENT));
        BadInput.Builder title = new BadInput.Builder("text that is not text", false)
                .header("Authorization", "Bearer {token}").header("Content-Type", "text/plain");
        cases.add(title.request("plain document: a title with NUL", "POST", "/api/documents?title=a%00b", "Battery {uniq}.", 422, INVALID));
        cases.add(title.request("plain document: a title with a surrogate's bytes", "POST", "/api/documents?title=a%ED%A0%80b", "Battery {uniq}.", 400, MALFORMED));
        BadInput.Builder f = writer("text that is not text", JSON_ENDPOINTS.get(1));
        cases.add(f.body("fact: summary with NUL", with(FACT, "Battery {uniq}", "Battery\\u0000{uniq}"), 422, INVALID));
        cases.add(f.body("fact: summary with a lone surrogate", with(FACT, "Battery {uniq}", "Battery\\ud800{uniq}"), 422, INVALID));
        cases.add(f.body("fact: an actor id with NUL", with(FACT, "\"actor\":\"joe-biden\"", "\"actor\":\"joe\\u0000biden\""), 422, INVALID));
        cases.add(f.body("fact: a topic with a lone surrogate", with(FACT, "[\"north-korea-nuclear\"]", "[\"north\\udc00\"]"), 422, INVALID));
        cases.add(f.body("fact: a quote with NUL", with(FACT, "reaffirmed their", "reaffirmed\\u0000their"), 422, INVALID));
        cases.add(f.body("fact: a note with a lone surrogate", with(FACT, "\"note\":\"n\"", "\"note\":\"\\ud800\""), 422, INVALID));
        BadInput.Builder c = writer("text that is not text", JSON_ENDPOINTS.get(2));
        cases.add(c.body("correction: summary with NUL", "{\"summary\":\"a\\u0000\",\"reason\":\"r\"}", 422, INVALID));
        cases.add(c.body("correction: reason with a lone surrogate", "{\"summary\":\"a\",\"reason\":\"\\ud800\"}", 422, INVALID));
        BadInput.Builder r = writer("text that is not text", JSON_ENDPOINTS.get(3));
        cases.add(r.body("retraction: reason with NUL", "{\"reason\":\"\\u0000\"}", 422, INVALID));
        cases.add(r.body("retraction: reason with a lone low surrogate", "{\"reason\":\"x\\udfff\"}", 422, INVALID));
        return cases;
    }

    private static List<BadInput> contentTypes() {
        List<BadInput> cases = new ArrayList<>();
        for (Endpoint e : JSON_ENDPOINTS) {
            BadInput.Builder b = writer("content types", e);
            cases.add(b.header("Content-Type", null).body(e.name() + ": no Content-Type", e.body(), 415, MEDIA_TYPE));
            cases.add(b.header("Content-Type", "application/xml").body(e.name() + ": XML", e.body(), 415, MEDIA_TYPE));
            if (!e.name().equals("document")) {
                cases.add(b.header("Content-Type", "text/plain").body(e.name() + ": text/plain", e.body(), 415, MEDIA_TYPE));
            }
        }
        BadInput.Builder f = writer("content types", JSON_ENDPOINTS.get(1));
        cases.add(f.header("Content-Type", "application/x-www-form-urlencoded").body("fact: a form", "type=AGREEMENT", 415, MEDIA_TYPE));
        cases.add(f.header("Content-Type", "multipart/form-data; boundary=x").body("fact: multipart", "--x--", 415, MEDIA_TYPE));
        cases.add(f.header("Content-Type", "nonsense").body("fact: a Content-Type that is no media type", FACT, 415, MEDIA_TYPE));
        cases.add(f.header("Content-Type", "application/json; charset=x-no-such-charset").body("fact: JSON in a charset that does not exist", FACT, 415, MEDIA_TYPE));
        cases.add(f.header("Content-Type", "application/json; charset=iso-8859-1").raw("fact: JSON in Latin-1 (JSON is UTF-8)",
                with(FACT, "Battery {uniq}", "Caf\u00e9 " + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 415, CONTENT));
        BadInput.Builder d = writer("content types", JSON_ENDPOINTS.get(0));
        cases.add(d.header("Content-Type", "image/png").body("document: an image", "PNG", 415, MEDIA_TYPE));
        cases.add(d.header("Content-Type", "text/plain; charset=klingon").body("document: text in a charset that does not exist", "caf", 415, MEDIA_TYPE));
        return cases;
    }
}

package io.factline.api.battery;

import static io.factline.api.battery.RestBadInputs.FACT;
import static io.factline.api.battery.RestBadInputs.INVALID;
import static io.factline.api.battery.RestBadInputs.MALFORMED;
import static io.factline.api.battery.RestBadInputs.with;

import java.util.ArrayList;
import java.util.List;

/** The REST half of the battery, continued: parameters, paths, methods, tokens, values and versions. */
final class RestParameterInputs {

    private static final String NOT_FOUND = "not-found";
    private static final String NONE = "00000000-0000-4000-8000-000000000000";

    private RestParameterInputs() {
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        cases.addAll(parameters());
        cases.addAll(paths());
        cases.addAll(tokens());
        cases.addAll(values());
        cases.addAll(versions());
        return cases;
    }

    private static List<BadInput> parameters() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder b = new BadInput.Builder("query parameters", false);
        for (String list : List.of("/api/facts", "/api/actors", "/api/documents", "/api/events")) {
            cases.add(b.get(list + " limit=abc", list + "?limit=abc", 400, MALFORMED));
            cases.add(b.get(list + " limit=1.5", list + "?limit=1.5", 400, MALFORMED));
            cases.add(b.get(list + " limit=1e3", list + "?limit=1e3", 400, MALFORMED));
            cases.add(b.get(list + " limit=NUL", list + "?limit=%00", 422, INVALID));
            cases.add(b.get(list + " limit=-1", list + "?limit=-1", 422, INVALID));
            cases.add(b.get(list + " limit=0", list + "?limit=0", 422, INVALID));
            cases.add(b.get(list + " limit=100000", list + "?limit=100000", 422, INVALID));
            cases.add(b.get(list + " limit=2147483648", list + "?limit=2147483648", 422, INVALID));
            cases.add(b.get(list + " limit=99999999999999999999", list + "?limit=99999999999999999999", 422, INVALID));
        }
        for (String list : List.of("/api/facts", "/api/actors", "/api/documents")) {
            cases.add(b.get(list + " cursor=garbage", list + "?cursor=garbage", 400, MALFORMED));
            cases.add(b.get(list + " cursor=NUL", list + "?cursor=%00", 422, INVALID));
        }
        String[][] facts = {
                {"from=2021-13-01", "from=2021-13-01", "400"}, {"from=yesterday", "from=yesterday", "400"},
                {"to=2021-02-30", "to=2021-02-30", "400"}, {"from=NUL", "from=%00", "422"},
                {"from after to", "from=2022-01-01&to=2021-01-01", "422"},
                {"type=BOGUS", "type=BOGUS", "422"}, {"type=AGREEMENT,BOGUS", "type=AGREEMENT,BOGUS", "422"},
                {"includeRetracted=maybe", "includeRetracted=maybe", "400"}, {"document=not-a-uuid", "document=not-a-uuid", "400"},
                {"q=NUL", "q=a%00b", "422"}, {"actor=NUL", "actor=%00", "422"},
                {"topic=a surrogate's bytes", "topic=%ED%A0%80", "400"}, {"q=bytes that are not UTF-8", "q=%FF%FE", "400"},
                {"q=a truncated escape", "q=%E2%82", "400"}, {"q=a control character", "q=a%07b", "422"}};
        for (String[] f : facts) {
            int status = Integer.parseInt(f[2]);
            cases.add(b.get("/api/facts " + f[0], "/api/facts?" + f[1], status, status == 400 ? MALFORMED : INVALID));
        }
        cases.add(b.get("/api/actors q=NUL", "/api/actors?q=%00", 422, INVALID));
        cases.add(b.get("/api/actors q=a surrogate's bytes", "/api/actors?q=%ED%A0%80", 400, MALFORMED));
        cases.add(b.get("/api/actors q=bytes that are not UTF-8", "/api/actors?q=%C3%28", 400, MALFORMED));
        cases.add(b.get("/api/actors/south-korea/facts from=bad", "/api/actors/south-korea/facts?from=bad", 400, MALFORMED));
        cases.add(b.get("/api/actors/south-korea/facts actor=NUL", "/api/actors/south-korea/facts?actor=%00", 422, INVALID));
        cases.add(b.get("/api/documents/{doc}/facts includeRetracted=2", "/api/documents/{doc}/facts?includeRetracted=2", 400, MALFORMED));
        cases.add(b.get("/api/timeline granularity=WEEKLY", "/api/timeline?granularity=WEEKLY", 422, INVALID));
        cases.add(b.get("/api/timeline granularity=NUL", "/api/timeline?granularity=%00", 422, INVALID));
        cases.add(b.get("/api/timeline from=bad", "/api/timeline?from=30/06/2021", 400, MALFORMED));
        cases.add(b.get("/api/events after=-1", "/api/events?after=-1", 422, INVALID));
        cases.add(b.get("/api/events after=abc", "/api/events?after=abc", 400, MALFORMED));
        cases.add(b.get("/api/events after=99999999999999999999", "/api/events?after=99999999999999999999", 422, INVALID));
        cases.add(b.get("/api/events wait=31", "/api/events?wait=31", 422, INVALID));
        cases.add(b.get("/api/events wait=-1", "/api/events?wait=-1", 422, INVALID));
        cases.add(b.get("/api/events wait=abc", "/api/events?wait=abc", 400, MALFORMED));
        BadInput.Builder admin = b.copy("query parameters").header("Authorization", "Bearer {token}");
        cases.add(admin.request("reextract document=not-a-uuid", "POST", "/api/admin/reextract?document=not-a-uuid", null, 400, MALFORMED));
        return cases;
    }

    private static List<BadInput> paths() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder b = new BadInput.Builder("paths and methods", false);
        cases.add(b.get("a fact id that is no id", "/api/facts/not-a-uuid", 404, NOT_FOUND));
        cases.add(b.get("an unknown fact", "/api/facts/" + NONE, 404, NOT_FOUND));
        cases.add(b.get("an unknown fact's history", "/api/facts/" + NONE + "/history", 404, NOT_FOUND));
        cases.add(b.get("a document id that is no id", "/api/documents/nope", 404, NOT_FOUND));
        cases.add(b.get("an unknown document's facts", "/api/documents/" + NONE + "/facts", 404, NOT_FOUND));
        cases.add(b.get("an unknown actor", "/api/actors/no-such-actor", 404, NOT_FOUND));
        cases.add(b.get("an unknown actor's facts", "/api/actors/no-such-actor/facts", 404, NOT_FOUND));
        cases.add(b.get("an unknown topic", "/api/topics/no-such-topic", 404, NOT_FOUND));
        cases.add(b.get("an unknown topic's facts", "/api/topics/no-such-topic/facts", 404, NOT_FOUND));
        cases.add(b.get("an actor id of 300 characters", "/api/actors/" + "a".repeat(300), 404, NOT_FOUND));
        cases.add(b.get("NUL in a path: an id no actor has", "/api/actors/a%00b", 404, NOT_FOUND));
        cases.add(b.get("a surrogate's bytes in a path: an id no topic has", "/api/topics/%ED%A0%80", 404, NOT_FOUND));
        cases.add(b.get("no such resource", "/api/nothing-here", 404, NOT_FOUND));
        cases.add(b.get("below a fact", "/api/facts/{fact}/nothing", 404, NOT_FOUND));
        cases.add(b.request("DELETE a fact", "DELETE", "/api/facts/{fact}", null, 405, "method-not-allowed"));
        cases.add(b.request("PUT documents", "PUT", "/api/documents", "x", 405, "method-not-allowed"));
        cases.add(b.request("PATCH a fact", "PATCH", "/api/facts/{fact}", "{}", 405, "method-not-allowed"));
        cases.add(b.request("GET corrections", "GET", "/api/facts/{fact}/corrections", null, 405, "method-not-allowed"));
        cases.add(b.request("POST actors", "POST", "/api/actors", null, 405, "method-not-allowed"));
        cases.add(b.copy("paths and methods").header("Accept", "application/xml").get("facts as XML", "/api/facts", 406, "not-acceptable"));
        cases.add(b.copy("paths and methods").header("Accept", "text/csv").get("a fact as CSV", "/api/facts/{fact}", 406, "not-acceptable"));
        return cases;
    }

    private static List<BadInput> tokens() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder none = new BadInput.Builder("tokens", false).header("Content-Type", "application/json");
        cases.add(none.request("ingest without a token", "POST", "/api/documents", RestBadInputs.DOCUMENT, 401, "unauthenticated"));
        cases.add(none.request("assert without a token", "POST", "/api/facts", FACT, 401, "unauthenticated"));
        cases.add(none.request("reextract without a token", "POST", "/api/admin/reextract", null, 401, "unauthenticated"));
        cases.add(none.copy("tokens").header("Authorization", "Bearer abc.def.ghi")
                .request("a token that is no JWT", "POST", "/api/documents", RestBadInputs.DOCUMENT, 401, "invalid-token"));
        cases.add(none.copy("tokens").header("Authorization", "Bearer {expired}")
                .request("an expired token", "POST", "/api/documents", RestBadInputs.DOCUMENT, 401, "invalid-token"));
        cases.add(none.copy("tokens").header("Authorization", "Basic dXNlcjpwYXNz")
                .request("basic credentials", "POST", "/api/documents", RestBadInputs.DOCUMENT, 401, "unauthenticated"));
        cases.add(none.copy("tokens").header("Authorization", "Bearer {reader}")
                .request("ingest without the ingest role", "POST", "/api/documents", RestBadInputs.DOCUMENT, 403, "forbidden"));
        cases.add(none.copy("tokens").header("Authorization", "Bearer {ingester}")
                .request("assert without the curate role", "POST", "/api/facts", FACT, 403, "forbidden"));
        cases.add(none.copy("tokens").header("Authorization", "Bearer {ingester}")
                .request("rebuild without the admin role", "POST", "/api/admin/projections/rebuild", null, 403, "forbidden"));
        return cases;
    }

    private static List<BadInput> values() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder f = new BadInput.Builder("invalid values", false).at("POST", "/api/facts")
                .header("Authorization", "Bearer {token}").header("Content-Type", "application/json");
        String[][] fact = {
                {"type BOGUS", "\"type\":\"AGREEMENT\"", "\"type\":\"BOGUS\""},
                {"role BOGUS", "\"role\":\"PARTY\"}", "\"role\":\"BOGUS\"}"},
                {"an unknown actor", "\"actor\":\"joe-biden\"", "\"actor\":\"nobody-at-all\""},
                {"an unknown topic", "\"north-korea-nuclear\"", "\"no-such-topic\""},
                {"month 13", "\"2021-05\"", "\"2021-13\""},
                {"a date in words", "\"2021-05\"", "\"yesterday\""},
                {"precision finer than the value", "{\"value\":\"2021-05\"}", "{\"value\":\"2021-05\",\"precision\":\"DAY\"}"},
                {"a quote the document does not have", "Presidents Moon and Biden reaffirmed their commitment", "Nobody said this"},
                {"an unknown document", "\"document\":\"{doc}\"", "\"document\":\"" + NONE + "\""},
                {"a document that is no id", "\"document\":\"{doc}\"", "\"document\":\"nope\""},
                {"end before start", "\"quote\"", "\"start\":20,\"end\":10,\"quote\""},
                {"a negative offset", "\"quote\"", "\"start\":-5,\"quote\""},
                {"offsets past the text", "\"quote\"", "\"start\":99999990,\"end\":99999999,\"quote\""},
                {"confidence 1.5", "\"quote\"", "\"confidence\":1.5,\"quote\""},
                {"no actors", "[{\"actor\":\"moon-jae-in\",\"role\":\"PARTY\"},{\"actor\":\"joe-biden\",\"role\":\"PARTY\"}]", "[]"},
                {"no sources", "[{\"document\":\"{doc}\",\"quote\":\"Presidents Moon and Biden reaffirmed their commitment\"}]", "[]"},
                {"an empty summary", "\"summary\":\"Battery {uniq}\"", "\"summary\":\" \""},
                
                {"an id that is no id", "{\"type\"", "{\"id\":\"nope\",\"type\""}};
        for (String[] c : fact) {
            cases.add(f.body("fact: " + c[0], with(FACT, c[1], c[2]), 422, INVALID));
        }
        BadInput.Builder d = f.copy("invalid values").at("POST", "/api/documents");
        cases.add(d.body("document: text and html", "{\"text\":\"a {uniq}\",\"html\":\"<p>b</p>\"}", 422, INVALID));
        cases.add(d.body("document: neither text nor html", "{\"title\":\"t\"}", 422, INVALID));
        cases.add(d.body("document: an empty text", "{\"text\":\"  \"}", 422, INVALID));
        cases.add(d.body("document: publishedDate 2021-13-01", "{\"text\":\"a {uniq}\",\"publishedDate\":\"2021-13-01\"}", 422, INVALID));
        cases.add(d.body("document: an unknown field", "{\"text\":\"a {uniq}\",\"colour\":\"red\"}", 400, MALFORMED));
        cases.add(f.body("fact: an unknown field", with(FACT, "\"note\":\"n\"", "\"note\":\"n\",\"colour\":\"red\""), 400, MALFORMED));
        BadInput.Builder plain = f.copy("invalid values").at("POST", "/api/documents?title=t&publishedDate=2021-02-30")
                .header("Content-Type", "text/plain");
        cases.add(plain.body("plain document: publishedDate 2021-02-30", "Battery {uniq}.", 400, MALFORMED));
        cases.add(plain.copy("invalid values").at("POST", "/api/documents").body("plain document: empty", "", 422, INVALID));
        BadInput.Builder r = f.copy("invalid values").at("POST", "/api/facts/{fact}/retraction").header("If-Match", "*");
        cases.add(r.body("retraction: no reason", "{}", 422, INVALID));
        cases.add(r.body("retraction: a blank reason", "{\"reason\":\"  \"}", 422, INVALID));
        BadInput.Builder c = f.copy("invalid values").at("POST", "/api/facts/{fact}/corrections").header("If-Match", "*");
        cases.add(c.body("correction: nothing to change", "{\"reason\":\"r\"}", 422, INVALID));
        cases.add(c.body("correction: an unknown actor", "{\"actors\":[{\"actor\":\"nobody-at-all\",\"role\":\"PARTY\"}],\"reason\":\"r\"}", 422, INVALID));
        cases.add(c.body("correction: month 13", "{\"date\":{\"value\":\"2021-13\"},\"reason\":\"r\"}", 422, INVALID));
        return cases;
    }

    private static List<BadInput> versions() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder c = new BadInput.Builder("versions", false).at("POST", "/api/facts/{fact}/corrections")
                .header("Authorization", "Bearer {token}").header("Content-Type", "application/json");
        String body = "{\"summary\":\"s {uniq}\",\"reason\":\"r\"}";
        cases.add(c.body("correction without If-Match", body, 428, "precondition-required"));
        cases.add(c.copy("versions").header("If-Match", "\"abc\"").body("correction with an If-Match that is no version", body, 400, MALFORMED));
        cases.add(c.copy("versions").header("If-Match", "\"99\"").body("correction of a version to come", body, 412, "stale-version"));
        cases.add(c.copy("versions").header("If-Match", "\"0\"").body("correction of version 0", body, 412, "stale-version"));
        cases.add(c.copy("versions").header("If-Match", "\"99999999999\"").body("correction of a version beyond int", body, 412, "stale-version"));
        cases.add(c.copy("versions").at("POST", "/api/facts/" + NONE + "/corrections").header("If-Match", "*")
                .body("correction of an unknown fact", body, 404, NOT_FOUND));
        BadInput.Builder r = c.copy("versions").at("POST", "/api/facts/{fact}/retraction");
        cases.add(r.body("retraction without If-Match", "{\"reason\":\"r\"}", 428, "precondition-required"));
        cases.add(r.copy("versions").header("If-Match", "W/\"x\"").body("retraction with a weak tag that is no version", "{\"reason\":\"r\"}", 400, MALFORMED));
        return cases;
    }
}

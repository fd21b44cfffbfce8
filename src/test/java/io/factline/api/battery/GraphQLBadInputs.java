package io.factline.api.battery;

import java.util.ArrayList;
import java.util.List;

/**
 * The GraphQL half of the battery. Every answer carries {@code extensions.code} on every error; the
 * status is 400 where the request is no GraphQL request at all, and below 500 always.
 */
final class GraphQLBadInputs {

    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String PARSE = "GRAPHQL_PARSE_FAILED";
    static final String VALIDATION = "GRAPHQL_VALIDATION_FAILED";
    static final String BAD_INPUT = "BAD_USER_INPUT";
    static final String TOO_COSTLY = "TOO_COSTLY";
    /** Any status below 500 that the GraphQL-over-HTTP spec allows for the case (200 or 400). */
    static final int ANY = 0;

    private GraphQLBadInputs() {
    }

    /** A JSON string literal of this text (quotes and backslashes escaped; nothing else is needed here). */
    static String str(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String url(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String query(String query) {
        return "{\"query\":" + str(query) + "}";
    }

    static String query(String query, String variablesJson) {
        return "{\"query\":" + str(query) + ",\"variables\":" + variablesJson + "}";
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder b = new BadInput.Builder("GraphQL requests", true).at("POST", "/graphql")
                .header("Content-Type", "application/json").header("Accept", "application/json");
        String topics = "query T { topics { id } }";
        for (String v : List.of("42", "{}", "[\"T\"]", "true")) {
            cases.add(b.body("operationName " + v, "{\"query\":" + str(topics) + ",\"operationName\":" + v + "}", 400, BAD_REQUEST));
        }
        for (String v : List.of("\"not-an-object\"", "42", "[1]", "true")) {
            cases.add(b.body("variables " + v, "{\"query\":" + str(topics) + ",\"variables\":" + v + "}", 400, BAD_REQUEST));
        }
        for (String v : List.of("\"x\"", "42", "[]")) {
            cases.add(b.body("extensions " + v, "{\"query\":" + str(topics) + ",\"extensions\":" + v + "}", 400, BAD_REQUEST));
        }
        cases.add(b.body("no query", "{}", 400, BAD_REQUEST));
        cases.add(b.body("query a number", "{\"query\":42}", 400, BAD_REQUEST));
        cases.add(b.body("query null", "{\"query\":null}", 400, BAD_REQUEST));
        cases.add(b.body("query a list", "{\"query\":[\"{ topics { id } }\"]}", 400, BAD_REQUEST));
        cases.add(b.body("a body that is no JSON", "query { topics { id } }", 400, BAD_REQUEST));
        cases.add(b.body("an empty body", "", 400, BAD_REQUEST));
        cases.add(b.body("null", "null", 400, BAD_REQUEST));
        cases.add(b.body("trailing garbage", query("{ topics { id } }") + " }{", 400, BAD_REQUEST));
        cases.add(b.body("query twice", "{\"query\":\"{ topics { id } }\",\"query\":\"{ topics { name } }\"}", 400, BAD_REQUEST));
        cases.add(b.body("variables nested 10,000 deep", query("query Q($f: FactFilter) { facts(filter: $f) { totalCount } }",
                "{\"f\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"), 400, BAD_REQUEST));
        cases.add(b.body("variables in a list 10,000 deep", query("query Q($a: [String]) { topics { id } }",
                "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), 400, BAD_REQUEST));

        // GraphQL over HTTP: a body of another type is no GraphQL request (415); a GraphQL request refused
        // before it runs is 400 to a client that reads application/graphql-response+json, 200 to one that reads JSON
        String deep = query(io.factline.testing.Api.tooDeepQuery());
        String wrongVariable = query("query Q($n: Int) { facts(first: $n) { totalCount } }", "{\"n\":\"ten\"}");
        BadInput.Builder typed = b.copy("GraphQL over HTTP");
        cases.add(typed.copy("GraphQL over HTTP").header("Content-Type", "text/plain").body("a query as text/plain", "{ topics { id } }", 415, BAD_REQUEST));
        cases.add(typed.copy("GraphQL over HTTP").header("Content-Type", null).body("a query without a Content-Type", query("{ topics { id } }"), 415, BAD_REQUEST));
        cases.add(typed.body("a query that does not parse, read as JSON", query("{ topics { id }"), 200, PARSE));
        cases.add(typed.body("a variable of the wrong type, read as JSON", wrongVariable, 200, BAD_INPUT));
        cases.add(typed.body("a query too deep, read as JSON", deep, 200, TOO_COSTLY));
        BadInput.Builder graphqlResponse = typed.copy("GraphQL over HTTP").header("Accept", "application/graphql-response+json");
        cases.add(graphqlResponse.body("no GraphQL request, read as graphql-response", "[]", 400, BAD_REQUEST));
        cases.add(graphqlResponse.copy("GraphQL over HTTP").header("Content-Type", "application/xml")
                .body("a query as XML, read as graphql-response", "<query/>", 415, BAD_REQUEST));
        cases.add(graphqlResponse.body("a query that does not parse, read as graphql-response", query("{ topics { id }"), 400, PARSE));
        cases.add(graphqlResponse.body("an Int out of range, read as graphql-response", query("{ facts(first: 2147483648) { totalCount } }"), 400, BAD_INPUT));
        cases.add(graphqlResponse.body("a variable of the wrong type, read as graphql-response", wrongVariable, 400, BAD_INPUT));
        cases.add(graphqlResponse.body("a query too deep, read as graphql-response", deep, 400, TOO_COSTLY));
        // GET serves queries only; its parameters are a GraphQL request or it is none
        String ingest = "mutation { ingestDocument(input: {text: \"Seoul and Washington signed an accord in 2019.\"}) { created } }";
        cases.add(typed.request("a mutation over GET", "GET", "/graphql?query=" + url(ingest), null, 405, "METHOD_NOT_ALLOWED"));
        cases.add(typed.request("GET variables that are no JSON", "GET", "/graphql?query=" + url("{ topics { id } }") + "&variables=" + url("{a:"), null, 400, BAD_REQUEST));
        cases.add(typed.request("GET variables that are a list", "GET", "/graphql?query=" + url("{ topics { id } }") + "&variables=" + url("[1]"), null, 400, BAD_REQUEST));
        cases.add(typed.request("GET query given twice", "GET", "/graphql?query=" + url("{ topics { id } }") + "&query=" + url("{ topics { name } }"), null, 400, BAD_REQUEST));
        cases.add(typed.request("GET without a query", "GET", "/graphql?operationName=Q", null, 400, BAD_REQUEST));
        cases.add(graphqlResponse.request("a GET query that does not parse, read as graphql-response", "GET", "/graphql?query=" + url("{ topics {"), null, 400, PARSE));
        // automatic persisted queries: a hash of the query, in hex, of version 1
        String listed = "{ topics { id } }";
        cases.add(typed.body("a persisted query of version 2", "{\"query\":" + str(listed) + ",\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"" + "a".repeat(64) + "\"}}}", 400, BAD_REQUEST));
        cases.add(typed.body("a persisted query's hash that is no hex", "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"xyz\"}}}", 400, BAD_REQUEST));
        cases.add(typed.body("a persisted query's hash that is not the query's", "{\"query\":" + str(listed) + ",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "0".repeat(64) + "\"}}}", 400, BAD_REQUEST));
        cases.add(typed.body("a persisted query's hash unknown here", "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "f".repeat(64) + "\"}}}", 200, "PERSISTED_QUERY_NOT_FOUND"));

        BadInput.Builder p = b.copy("GraphQL syntax");
        for (String[] q : new String[][]{{"an opening brace", "{"}, {"an unclosed argument list", "{ facts("},
                {"an unclosed selection", "query { actor(id: \"x\") { id }"}, {"closing braces", "}}}"},
                {"an unterminated string", "{ actor(id: \"x) { id } }"}, {"a keyword twice", "query query"},
                {"a bare spread", "{ ... }"}, {"an empty query", ""}, {"a stray character", "{ topics { id } } ;"},
                {"a bad escape in a string", "{ actor(id: \"\\x\") { id } }"}}) {
            cases.add(p.body(q[0], query(q[1]), ANY, PARSE));
        }

        BadInput.Builder v = b.copy("GraphQL validation");
        for (String[] q : new String[][]{{"an unknown field", "{ nope }"}, {"an unknown argument", "{ topics(x: 1) { id } }"},
                {"an argument of the wrong type", "{ actor(id: {a: 1}) { id } }"}, {"a missing argument", "{ actor { id } }"},
                {"an unknown fragment", "{ ...F }"}, {"an unused variable", "query Q($a: Int) { topics { id } }"},
                {"an undefined variable", "{ actor(id: $x) { id } }"}, {"a selection on a scalar", "{ topics { id { x } } }"},
                {"no selection on an object", "{ topics }"}, {"a variable of an unknown type", "query Q($a: Nope) { topics { id } }"},
                {"two anonymous operations", "{ topics { id } } { topics { name } }"},
                {"an enum value that does not exist", "{ facts(filter: {types: [BOGUS]}) { totalCount } }"},
                {"a fragment on an unknown type", "{ ...F } fragment F on Nope { id }"},
                {"a fragment cycle", "{ topics { ...A } } fragment A on Topic { ...B } fragment B on Topic { ...A }"}}) {
            cases.add(v.body(q[0], query(q[1]), ANY, VALIDATION));
        }
        cases.add(v.body("an unknown operation name", "{\"query\":" + str("query A { topics { id } }") + ",\"operationName\":\"B\"}", ANY, VALIDATION));
        cases.add(v.body("first beyond int", query("{ facts(first: 2147483648) { totalCount } }"), ANY, BAD_INPUT));

        BadInput.Builder i = b.copy("GraphQL values");
        cases.add(i.body("a date literal that is no date", query("{ facts(filter: {from: \"2021-13-01\"}) { totalCount } }"), ANY, BAD_INPUT));
        cases.add(p.body("a lone surrogate escaped in a literal", query("{ facts(filter: {text: \"\\ud800\"}) { totalCount } }"), ANY, PARSE));
        cases.add(i.body("a date variable that is no date", query("query Q($f: FactFilter) { facts(filter: $f) { totalCount } }", "{\"f\":{\"from\":\"2021-13-01\"}}"), ANY, BAD_INPUT));
        for (String[] q : new String[][]{{"first -1", "{ facts(first: -1) { totalCount } }"}, {"first 0", "{ actors(first: 0) { pageInfo { hasNextPage } } }"},
                {"first 1000", "{ documents(first: 1000) { pageInfo { hasNextPage } } }"},
                {"a cursor that is no cursor", "{ facts(after: \"garbage\") { totalCount } }"},

                {"from after to", "{ facts(filter: {from: \"2022-01-01\", to: \"2021-01-01\"}) { totalCount } }"},
                {"NUL in a search", "{ actors(search: \"a\\u0000b\") { pageInfo { hasNextPage } } }"},

                {"NUL in an id", "{ actor(id: \"\\u0000\") { id } }"},
                {"a document filter that is no id", "{ facts(filter: {document: \"nope\"}) { totalCount } }"}}) {
            cases.add(i.body(q[0], query(q[1]), ANY, BAD_INPUT));
        }
        cases.add(i.body("a variable of the wrong type", query("query Q($n: Int) { facts(first: $n) { totalCount } }", "{\"n\":\"ten\"}"), ANY, BAD_INPUT));
        cases.add(i.body("a variable beyond int", query("query Q($n: Int) { facts(first: $n) { totalCount } }", "{\"n\":2147483648}"), ANY, BAD_INPUT));
        cases.add(i.body("a missing required variable", query("query Q($id: ID!) { actor(id: $id) { id } }", "{}"), ANY, BAD_INPUT));
        cases.add(i.body("an enum variable that does not exist", query("query Q($f: FactFilter) { facts(filter: $f) { totalCount } }", "{\"f\":{\"types\":[\"BOGUS\"]}}"), ANY, BAD_INPUT));
        cases.add(i.body("an unknown field in an input variable", query("query Q($f: FactFilter) { facts(filter: $f) { totalCount } }", "{\"f\":{\"colour\":\"red\"}}"), ANY, BAD_INPUT));
        cases.add(i.body("a lone surrogate in a variable", query("query Q($s: String) { actors(search: $s) { pageInfo { hasNextPage } } }", "{\"s\":\"\\udc00\"}"), ANY, BAD_INPUT));
        cases.addAll(GraphQLCostlyInputs.all(b));
        return cases;
    }
}

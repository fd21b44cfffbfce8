package io.factline.api.battery;

import static io.factline.api.battery.GraphQLBadInputs.ANY;
import static io.factline.api.battery.GraphQLBadInputs.BAD_INPUT;
import static io.factline.api.battery.GraphQLBadInputs.TOO_COSTLY;
import static io.factline.api.battery.GraphQLBadInputs.query;
import static io.factline.api.battery.GraphQLBadInputs.str;

import java.util.ArrayList;
import java.util.List;

/** The GraphQL battery, continued: queries too costly to run, and mutations refused. */
final class GraphQLCostlyInputs {

    private GraphQLCostlyInputs() {
    }

    static List<BadInput> all(BadInput.Builder graphql) {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder c = graphql.copy("GraphQL cost");
        cases.add(c.body("17 levels deep", query(io.factline.testing.Api.tooDeepQuery()), ANY, TOO_COSTLY));
        cases.add(c.body("1,000 aliases of topics", query("{ " + aliases(1000, "topics { id }") + " }"), ANY, TOO_COSTLY));
        cases.add(c.body("300 aliases of 100 facts", query("{ " + aliases(300, "facts(first: 100) { edges { node { id } } }") + " }"), ANY, TOO_COSTLY));
        cases.add(c.body("a chain of 500 fragments", query(fragmentChain(500)), ANY, TOO_COSTLY));
        cases.add(c.body("fragments that double 20 times", query(fragmentFanOut(20)), ANY, TOO_COSTLY));
        cases.add(c.body("3,000 fields", query("{ topics { " + "id ".repeat(3000) + "} }"), ANY, TOO_COSTLY));
        cases.add(c.body("aliases inside a fragment", query("{ ...F } fragment F on Query { " + aliases(1000, "topics { id }") + " }"), ANY, TOO_COSTLY));
        cases.add(c.body("inline fragments of aliases", query("{ ... on Query { " + aliases(1000, "topics { name }") + " } }"), ANY, TOO_COSTLY));
        cases.add(c.body("co-actors of co-actors, wide", query("{ actors(first: 100) { edges { node { coActors(first: 100) { actor { coActors(first: 100) { actor { id } } } } } } } }"), ANY, TOO_COSTLY));

        BadInput.Builder m = graphql.copy("GraphQL mutations");
        String ingest = "mutation I($in: DocumentInput!) { ingestDocument(input: $in) { created } }";
        cases.add(m.body("ingest without a token", query(ingest, "{\"in\":{\"text\":\"Battery {uniq}.\"}}"), ANY, "UNAUTHENTICATED"));
        cases.add(m.copy("GraphQL mutations").header("Authorization", "Bearer abc")
                .body("ingest with a token that is no JWT", query(ingest, "{\"in\":{\"text\":\"Battery {uniq}.\"}}"), 401, "UNAUTHENTICATED"));
        cases.add(m.copy("GraphQL mutations").header("Authorization", "Bearer {reader}")
                .body("ingest without the ingest role", query(ingest, "{\"in\":{\"text\":\"Battery {uniq}.\"}}"), ANY, "FORBIDDEN"));
        BadInput.Builder w = m.copy("GraphQL mutations").header("Authorization", "Bearer {token}");
        cases.add(w.body("ingest a text with NUL", query(ingest, "{\"in\":{\"text\":\"Battery\\u0000{uniq}.\"}}"), ANY, BAD_INPUT));
        cases.add(w.body("ingest a text with a lone surrogate", query(ingest, "{\"in\":{\"text\":\"Battery\\ud800{uniq}.\"}}"), ANY, BAD_INPUT));
        cases.add(w.body("ingest a title with NUL, inline", query("mutation { ingestDocument(input: {text: \"Battery {uniq}.\", title: \"a\\u0000\"}) { created } }"), ANY, BAD_INPUT));
        cases.add(w.body("ingest text and html", query(ingest, "{\"in\":{\"text\":\"a {uniq}\",\"html\":\"<p>b</p>\"}}"), ANY, BAD_INPUT));
        cases.add(w.body("ingest neither text nor html", query(ingest, "{\"in\":{\"title\":\"t\"}}"), ANY, BAD_INPUT));
        String assertFact = "mutation A($in: FactInput!) { assertFact(input: $in) { id } }";
        String fact = "{\"in\":{\"type\":\"AGREEMENT\",\"date\":{\"value\":\"2021-05\"},\"actors\":[{\"actor\":\"nobody-at-all\",\"role\":\"PARTY\"}],"
                + "\"summary\":\"Battery {uniq}\",\"sources\":[{\"document\":\"{doc}\",\"quote\":\"Presidents Moon and Biden reaffirmed their commitment\"}]}}";
        cases.add(w.body("assert a fact of an unknown actor", query(assertFact, fact), ANY, BAD_INPUT));
        cases.add(w.body("assert a fact dated month 13", query(assertFact, fact.replace("nobody-at-all", "joe-biden").replace("2021-05", "2021-13")), ANY, BAD_INPUT));
        cases.add(w.body("assert a fact with a summary with NUL", query(assertFact, fact.replace("nobody-at-all", "joe-biden").replace("Battery ", "Battery\\u0000")), ANY, BAD_INPUT));
        cases.add(w.body("correct an unknown fact", query("mutation { correctFact(id: \"00000000-0000-4000-8000-000000000000\", expectedVersion: 1, "
                + "correction: {summary: \"s\", reason: \"r\"}) { id } }"), ANY, "NOT_FOUND"));
        cases.add(w.body("retract a fact that is no id", query("mutation { retractFact(id: \"nope\", expectedVersion: 1, reason: \"r\") { id } }"), ANY, "NOT_FOUND"));
        cases.add(w.body("retract a version to come", query("mutation { retractFact(id: \"{fact}\", expectedVersion: 99, reason: \"r {uniq}\") { id } }"), ANY, "VERSION_CONFLICT"));
        cases.add(w.body("retract with a blank reason", query("mutation { retractFact(id: \"{fact}\", expectedVersion: 1, reason: \" \") { id } }"), ANY, BAD_INPUT));
        cases.add(w.body("reextract a document that is no id: none has it", query("mutation { reextract(document: \"nope\") { documents } }"), ANY, "NOT_FOUND"));
        cases.add(w.body("two mutations, the second bad", "{\"query\":" + str("mutation { a: retractFact(id: \"nope\", expectedVersion: 1, reason: \"r\") { id } }") + "}", ANY, "NOT_FOUND"));
        return cases;
    }

    private static String aliases(int n, String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("a").append(i).append(": ").append(field).append(' ');
        }
        return out.toString();
    }

    private static String fragmentChain(int n) {
        StringBuilder out = new StringBuilder("{ ...F0 } ");
        for (int i = 0; i < n; i++) {
            out.append("fragment F").append(i).append(" on Query { topics { id } ").append(i + 1 < n ? "...F" + (i + 1) : "").append(" } ");
        }
        return out.toString();
    }

    /** Each fragment spreads the next twice (under two aliases): 2^n fields from a few hundred bytes. */
    private static String fragmentFanOut(int n) {
        StringBuilder out = new StringBuilder("{ topics { ...F0 } } ");
        for (int i = 0; i < n; i++) {
            String next = i + 1 < n ? "...F" + (i + 1) : "id";
            out.append("fragment F").append(i).append(" on Topic { a: id ").append(next).append(" ... on Topic { ").append(next).append(" } } ");
        }
        return out.toString();
    }
}

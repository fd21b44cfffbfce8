package io.factline.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The GraphQL page a front end asks for most: 20 facts of one actor in a date range, with their
 * actors, topics and sources; against pgbench running the best SQL for the same page.
 */
final class QueryBench {

    static final String QUERY = "query($a: [String!], $from: Date, $to: Date) { facts(filter: {actors: $a, from: $from, "
            + "to: $to}, first: 20) { edges { cursor node { id type summary date { start end precision } "
            + "actors { role actor { id name kind } } topics { id name } "
            + "sources { quote start end confidence document { id title } } } } pageInfo { hasNextPage endCursor } } }";

    static final String BEST_SQL = """
            \\set a random(1, 300)
            \\set y random(1950, 2021)
            SELECT f.doc FROM fact_actor d JOIN fact_view f ON f.id = d.fact_id
             WHERE d.actor_id = 'bench-actor-' || lpad(:a::text, 3, '0') AND d.status = 'ACTIVE'
               AND d.date_end IS NOT NULL AND d.sort_date >= make_date(:y, 1, 1)
               AND d.sort_date <= make_date(:y + 5, 12, 31) AND d.date_end <= make_date(:y + 5, 12, 31)
             ORDER BY d.sort_date, d.fact_id LIMIT 21;
            """;

    private static final int CLIENTS = 4;

    private QueryBench() {
    }

    static void run(Report report, BenchDatabase db, ServiceProcess service, Duration warmUp, Duration measure)
            throws Exception {
        Timed.Result ours = graphQLPage(service, warmUp, measure);
        Pgbench.Result raw = Pgbench.run(db, BEST_SQL, CLIENTS, (int) measure.toSeconds());
        report.add("GraphQL page of 20 facts, 4 clients", ours.perSecond(), "queries/s", raw.tps(),
                "the best SQL for it (pgbench)", 0.4,
                String.format("p50 %.1f ms, p99 %.1f ms (target p99 < 25 ms); client: %s, after %d s of warm-up", ours.p50Ms(),
                        ours.p99Ms(), Wrk.available() ? "wrk" : "Java HttpClient", warmUp.toSeconds()));
        if (Wrk.available()) {
            Timed.Result rest = Wrk.run(service.port, CLIENTS, warmUp, measure, REST_SCRIPT);
            report.add("the same page over REST, 4 clients", rest.perSecond(), "queries/s", raw.tps(),
                    "the best SQL for it (pgbench)", Double.NaN,
                    String.format("p50 %.1f ms, p99 %.1f ms; for comparison, no target", rest.p50Ms(), rest.p99Ms()));
        }
    }

    /** The GraphQL page again, from a service whose compiled plans are off: graphql-java executes it. */
    static void graphQLJava(Report report, BenchDatabase db, ServiceProcess service, Duration warmUp, Duration measure)
            throws Exception {
        Timed.Result ours = graphQLPage(service, warmUp, measure);
        Pgbench.Result raw = Pgbench.run(db, BEST_SQL, CLIENTS, (int) measure.toSeconds());
        report.add("the GraphQL page, compiled plans off (graphql-java), 4 clients", ours.perSecond(), "queries/s", raw.tps(),
                "the best SQL for it (pgbench)", Double.NaN,
                String.format("p50 %.1f ms, p99 %.1f ms; before the compiled plans, for comparison", ours.p50Ms(), ours.p99Ms()));
    }

    /** The GraphQL page from this service: wrk where installed, else the JVM's HTTP client. */
    private static Timed.Result graphQLPage(ServiceProcess service, Duration warmUp, Duration measure) throws Exception {
        return Wrk.available() ? Wrk.run(service.port, CLIENTS, warmUp, measure, wrkScript())
                : javaClient(service, CLIENTS, warmUp, measure);
    }

    /** The same page from the REST facts endpoint, to show how much of the GraphQL cost is GraphQL's. */
    private static final String REST_SCRIPT = """
            request = function()
              local a = string.format("bench-actor-%03d", math.random(1, 300))
              local y = math.random(1950, 2021)
              return wrk.format("GET", "/api/facts?actor=" .. a .. "&from=" .. y .. "-01-01&to=" .. (y + 5) .. "-12-31")
            end
            response = function(status, headers, body)
              if status ~= 200 then
                error("REST failed: " .. body)
              end
            end
            """;

    /** The same random actor and five-year window as the pgbench script, as a wrk request generator. */
    private static String wrkScript() {
        String query = QUERY.replace("\"", "\\\"");
        return """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                  local a = string.format("bench-actor-%03d", math.random(1, 300))
                  local y = math.random(1950, 2021)
                  local body = '{"query": "QUERY", "variables": {"a": ["' .. a .. '"], "from": "' .. y
                    .. '-01-01", "to": "' .. (y + 5) .. '-12-31"}}'
                  return wrk.format(nil, "/graphql", nil, body)
                end
                response = function(status, headers, body)
                  if status ~= 200 or string.find(body, '"errors"') then
                    error("GraphQL failed: " .. body)
                  end
                end
                """.replace("QUERY", query);
    }

    private static Timed.Result javaClient(ServiceProcess service, int clients, Duration warmUp, Duration measure)
            throws Exception {
        return Timed.run(clients, warmUp, measure, () -> () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int year = 1950 + random.nextInt(72);
            String body = "{\"query\": \"" + QUERY.replace("\"", "\\\"") + "\", \"variables\": {\"a\": [\""
                    + Corpus.actorId(1 + random.nextInt(300)) + "\"], \"from\": \"" + year + "-01-01\", \"to\": \""
                    + (year + 5) + "-12-31\"}}";
            HttpResponse<String> response = service.http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL failed: " + response.body());
            }
            return 1;
        });
    }
}

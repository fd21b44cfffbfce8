package io.factline.api.graphql.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import io.factline.api.graphql.GraphQLAnswers;
import io.factline.api.graphql.GraphQLGate;
import io.factline.api.graphql.GraphQLResults;
import io.factline.api.graphql.GraphQLRequest;
import io.factline.config.FactlineConfig;
import io.factline.query.ActorQueries;
import io.factline.query.DocumentQueries;
import io.factline.query.FactQueries;
import io.factline.query.TopicQueries;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers the GraphQL queries a {@link Plan} can answer — fact connections, the hottest reads — without
 * graphql-java: parsed and validated once per query text (a bounded cache), then one read per connection
 * and the stored fact documents written out pruned to the selection, byte for byte as SmallRye would
 * answer. Everything else, and any request whose answer would hold an error, goes on to graphql-java.
 * Runs after the {@link GraphQLGate} admitted the request, from the request it left in the routing context.
 * In {@code verify} mode (tests) each compiled answer is compared with graphql-java's for the same request
 * (the request sent again to this server, marked to pass by): a difference answers 500 and is logged.
 */
@ApplicationScoped
public class CompiledPlans {

    /** The header that, in verify mode only, sends a request past the plans to graphql-java. */
    static final String PASS_BY = "X-Factline-Compiled-Plans-Pass-By";
    private static final Logger LOG = Logger.getLogger(CompiledPlans.class);
    private static final int KEPT_PLANS = 512;
    private static final int LONGEST_QUERY = 20_000;
    /** After Quarkus's authentication (-200) and authorization (-100) filters, before GraphQLHttp (-50). */
    private static final int ORDER = -60;

    @Inject
    Instance<GraphQLSchema> schema;
    @Inject
    FactlineConfig config;
    @Inject
    FactQueries facts;
    @Inject
    ActorQueries actors;
    @Inject
    TopicQueries topics;
    @Inject
    DocumentQueries documents;
    @Inject
    Vertx vertx;

    private final Map<String, Optional<Plan>> plans = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Plan>> eldest) {
            return size() > KEPT_PLANS;
        }
    });
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong compared = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private volatile HttpClient loopback;

    void install(@Observes Router router) {
        if (mode() != FactlineConfig.CompiledPlans.DISABLED) {
            router.route("/graphql").order(ORDER).handler(this::handle);
        }
    }

    /** Verify mode: how many requests were compared, and how many differed, in the log when the service stops. */
    void summary(@Observes io.quarkus.runtime.ShutdownEvent stopping) {
        if (mode() == FactlineConfig.CompiledPlans.VERIFY) {
            LOG.infof("compiled plans (verify): %d requests compared with graphql-java, %d mismatches",
                    compared.get(), mismatches.get());
        }
    }

    /** Requests answered by a plan (in verify mode: compared with graphql-java's answer). */
    public long answered() {
        return answered.get();
    }

    public long compared() {
        return compared.get();
    }

    public long mismatches() {
        return mismatches.get();
    }

    private FactlineConfig.CompiledPlans mode() {
        return config.graphql().compiledPlans();
    }

    private void handle(RoutingContext context) {
        GraphQLRequest request = context.get(GraphQLGate.ADMITTED);
        boolean verify = mode() == FactlineConfig.CompiledPlans.VERIFY;
        if (request == null || request.refusal() != null || verify && context.request().getHeader(PASS_BY) != null
                // where reads need a token, only a request already authenticated is answered here
                || config.auth().readsRequireToken() && context.user() == null) {
            context.next();
            return;
        }
        String contentType = responseType(context);
        Plan plan = contentType == null ? null : plan(request, context.get(GraphQLGate.DOCUMENT));
        if (plan == null) {
            context.next();
            return;
        }
        // the variables as the gate coerced them for the same operation of the same text; else coerced here
        graphql.execution.CoercedVariables coerced = context.get(GraphQLGate.COERCED);
        Answer.of(plan, coerced, coerced != null || request.variables() == null || request.variables().isNull() ? null
                        : request.variableValues(), new Reads(facts, actors, topics, documents), !verify, config.graphql().maxObjects())
                .subscribe().with(body -> {
                    if (verify) {
                        compare(context, contentType, body);
                    } else {
                        answered.incrementAndGet();
                        send(context, 200, contentType, body);
                    }
                }, failure -> {
                    if (failure instanceof Plan.NotAnswered) {
                        LOG.debugf("graphql-java answers, not the compiled plan: %s", failure.getMessage());
                    } else {
                        LOG.debugf(failure, "a compiled plan failed; graphql-java answers");
                    }
                    context.next();
                });
    }

    /** The plan of the request's query, compiled from the document the gate parsed. */
    private Plan plan(GraphQLRequest request, Document document) {
        String query = request.query();
        if (query == null || document == null || query.length() > LONGEST_QUERY) {
            return null;
        }
        String key = (request.operationName() == null ? "" : request.operationName()) + '\u0000' + query;
        Optional<Plan> plan = plans.get(key);
        if (plan == null) {
            plan = Optional.ofNullable(Plan.compile(schema.get(), document, request.operationName()));
            plans.put(key, plan);
        }
        return plan.orElse(null);
    }

    /** The answer's Content-Type, as GraphQLHttp would give it; null where it refuses the Accept (406). */
    private static String responseType(RoutingContext context) {
        String media = GraphQLAnswers.responseType(context);
        return media == null ? null : media + ";charset=UTF-8";
    }

    private void send(RoutingContext context, int status, String contentType, String body) {
        GraphQLResults.send(context, status, contentType, body, config.auth().readsRequireToken());
    }

    /** Verify mode: the same request from graphql-java, compared by status, media type and body. */
    private void compare(RoutingContext context, String contentType, String body) {
        var in = context.request();
        // sent to this server, with the caller's Host: an Origin of the same host stays same-origin for CORS
        var authority = in.authority();
        RequestOptions options = new RequestOptions().setMethod(in.method())
                .setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(in.localAddress().port(), "127.0.0.1"))
                .setHost(authority == null ? "127.0.0.1" : authority.host())
                .setPort(authority == null ? in.localAddress().port() : authority.port() < 0 ? 80 : authority.port())
                .setURI(in.uri());
        in.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // the bodies are compared as written, before any gzip
            if (!name.equals("content-length") && !name.equals("host") && !name.equals("connection") && !name.equals("accept-encoding")
                    && !name.equals("if-none-match")) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        options.putHeader(PASS_BY, "true");
        Buffer sent = context.body() == null || context.body().buffer() == null ? Buffer.buffer() : context.body().buffer();
        client().request(options)
                .compose(request -> request.send(sent))
                .compose(response -> response.body().map(theirs -> new Theirs(response, theirs)))
                .onComplete(result -> {
                    if (result.failed()) {
                        context.fail(result.cause());
                        return;
                    }
                    Theirs theirs = result.result();
                    compared.incrementAndGet();
                    String difference = difference(contentType, body, theirs);
                    if (difference == null) {
                        answered.incrementAndGet();
                        send(context, 200, contentType, body);
                        return;
                    }
                    mismatches.incrementAndGet();
                    LOG.errorf("compiled plan differs from graphql-java (%s) for %s%n compiled:     %s%n graphql-java: %s",
                            difference, context.<GraphQLRequest>get(GraphQLGate.ADMITTED), body, theirs.body);
                    context.response().setStatusCode(500).putHeader("Content-Type", "text/plain;charset=UTF-8")
                            .end("compiled plan differs from graphql-java (" + difference + ")\ncompiled:     " + body
                                    + "\ngraphql-java: " + theirs.body);
                });
    }

    private record Theirs(int status, String contentType, String body) {
        Theirs(HttpClientResponse response, Buffer body) {
            this(response.statusCode(), response.getHeader("Content-Type"), body.toString("UTF-8"));
        }
    }

    private static String difference(String contentType, String body, Theirs theirs) {
        if (theirs.status != 200) {
            return "status " + theirs.status;
        }
        if (!contentType.equals(theirs.contentType)) {
            return "Content-Type " + contentType + " / " + theirs.contentType;
        }
        return body.equals(theirs.body) ? null : "body";
    }

    private HttpClient client() {
        HttpClient client = loopback;
        if (client == null) {
            synchronized (this) {
                if (loopback == null) {
                    loopback = vertx.createHttpClient();
                }
                client = loopback;
            }
        }
        return client;
    }
}

package io.factline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.factline.testing.Api;
import io.factline.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * GraphQL over WebSocket as a browser speaks it: graphql-transport-ws, the token in connection_init
 * (a browser cannot set an Authorization header on a WebSocket); any other subprotocol is refused.
 */
@QuarkusTest
class GraphQLWebSocketTest {

    private static final String INGEST = "mutation($text: String!) { ingestDocument(input: {text: $text}) { created document { id } } }";

    @BeforeEach
    void ready() {
        Api.awaitReady();
    }

    @Test
    void aTokenInConnectionInitAuthorisesAMutation() throws Exception {
        try (Session session = Session.open("graphql-transport-ws")) {
            session.send(new JsonObject().put("type", "connection_init")
                    .put("payload", Map.of("Authorization", "Bearer " + DevTokens.of("ws-ingester", "ingest"))));
            assertThat(session.next().getString("type")).isEqualTo("connection_ack");
            String text = Api.unique("Kim Dae-jung met Bill Clinton in Washington on 9 June 1998.");
            session.send(subscribe("1", INGEST, Map.of("text", text)));
            JsonObject next = session.next();
            assertThat(next.getString("type")).isEqualTo("next");
            assertThat(next.getJsonObject("payload").getValue("errors")).isNull();
            assertThat(next.getJsonObject("payload").getJsonObject("data").getJsonObject("ingestDocument").getBoolean("created")).isTrue();
            assertThat(session.next().getString("type")).isEqualTo("complete");
        }
    }

    @Test
    void withoutATokenAMutationIsRefusedAndAQueryServed() throws Exception {
        try (Session session = Session.open("graphql-transport-ws")) {
            session.send(new JsonObject().put("type", "connection_init"));
            assertThat(session.next().getString("type")).isEqualTo("connection_ack");
            session.send(subscribe("1", INGEST, Map.of("text", Api.unique("Seoul and Washington signed an accord in 2019."))));
            JsonObject refused = session.next();
            // graphql-transport-ws: errors without data come as an "error" message, whose payload is the list of errors
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("UNAUTHENTICATED");
            session.send(subscribe("2", "{ topics { id } }", Map.of()));
            assertThat(session.next().getJsonObject("payload").getJsonObject("data").getJsonArray("topics")).isNotEmpty();
        }
    }

    @Test
    void aQueryOverABudgetIsRefusedThereTooAndTheConnectionGoesOn() throws Exception {
        try (Session session = Session.open("graphql-transport-ws")) {
            session.send(new JsonObject().put("type", "connection_init"));
            assertThat(session.next().getString("type")).isEqualTo("connection_ack");
            session.send(subscribe("1", Api.tooDeepQuery(), Map.of()));
            JsonObject refused = session.next();
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("TOO_COSTLY");
            StringBuilder aliases = new StringBuilder("{");
            for (int i = 0; i < 1200; i++) {
                aliases.append(" a").append(i).append(": topics { id }");
            }
            session.send(subscribe("2", aliases.append(" }").toString(), Map.of()));
            assertThat(session.next().getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"))
                    .isEqualTo("TOO_COSTLY");
            session.send(subscribe("3", "{ topics { id } }", Map.of()));
            assertThat(session.next().getJsonObject("payload").getJsonObject("data").getJsonArray("topics")).isNotEmpty();
        }
    }

    @Test
    void aTokenThatDoesNotVerifyClosesTheConnection() throws Exception {
        try (Session session = Session.open("graphql-transport-ws")) {
            session.send(new JsonObject().put("type", "connection_init").put("payload", Map.of("Authorization", "Bearer not.a.token")));
            assertThat(session.closedWith()).isEqualTo(4403);
        }
    }

    @Test
    void anotherSubprotocolIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> Session.open("graphql-ws").close()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> Session.open(null).close()).hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    private static JsonObject subscribe(String id, String query, Map<String, Object> variables) {
        return new JsonObject().put("id", id).put("type", "subscribe").put("payload", Map.of("query", query, "variables", variables));
    }

    /** One WebSocket to /graphql: what arrives is queued; a close is a message of its own. */
    private static final class Session implements WebSocket.Listener, AutoCloseable {
        private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Session open(String subprotocol) {
            Session session = new Session();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (subprotocol != null) {
                builder.subprotocols(subprotocol);
            }
            session.socket = builder.buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), session).join();
            return session;
        }

        void send(JsonObject message) {
            socket.sendText(message.encode(), true).join();
        }

        JsonObject next() throws InterruptedException {
            Object message = received.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("a message").isInstanceOf(JsonObject.class);
            return (JsonObject) message;
        }

        int closedWith() throws InterruptedException {
            Object message = received.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("a close").isInstanceOf(Integer.class);
            return (Integer) message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(statusCode);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}

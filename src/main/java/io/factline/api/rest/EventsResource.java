package io.factline.api.rest;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.domain.InvalidFactException;
import io.factline.eventstore.PostgresEventStore;
import io.factline.eventstore.RecordedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event feed", description = "The log in order, for services that follow it")
public class EventsResource {

    static final int MAX_PAGE = 1000;
    static final int MAX_WAIT_SECONDS = 30;

    @Inject
    PostgresEventStore store;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Events after a log position, in order; follow with after=next",
            description = "No event is ever skipped: an event with a lower position is always visible before one with "
                    + "a higher position. With wait=N (seconds, up to 30) an empty page waits for new events.")
    public Uni<Dtos.Feed> feed(@QueryParam("after") String after, @QueryParam("limit") String limit,
                               @QueryParam("wait") String wait) {
        long from = Params.position("after", after);
        Integer size = Params.integer("limit", limit);
        if (size != null && (size < 1 || size > MAX_PAGE)) {
            throw new InvalidFactException("limit is between 1 and " + MAX_PAGE + ", not " + size);
        }
        Integer seconds = Params.integer("wait", wait);
        if (seconds != null && (seconds < 0 || seconds > MAX_WAIT_SECONDS)) {
            throw new InvalidFactException("wait is between 0 and " + MAX_WAIT_SECONDS + " seconds, not " + seconds);
        }
        int pageSize = size == null ? 100 : size;
        return store.readAllWaiting(pool, from, pageSize, Duration.ofSeconds(seconds == null ? 0 : seconds)).chain(events -> store.lastPosition().map(head -> new Dtos.Feed(
                events.stream().map(this::toFeed).toList(),
                events.isEmpty() ? from : events.get(events.size() - 1).position(), head)));
    }

    private Dtos.FeedEvent toFeed(RecordedEvent e) {
        return new Dtos.FeedEvent(e.position(), e.streamId(), e.version(), e.type(), e.schemaVersion(),
                tree(e.payloadJson()), tree(e.metadataJson()), e.recordedAt());
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the log holds invalid JSON", e);
        }
    }
}

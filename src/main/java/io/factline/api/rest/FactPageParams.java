package io.factline.api.rest;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.QueryParam;

import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

/**
 * The query parameters of a page of facts, as /api/facts reads them: actor and topic may repeat (every
 * one must be involved), type may repeat (any of them), then the page's limit and cursor.
 */
public class FactPageParams {

    @QueryParam("actor")
    List<String> actors;
    @QueryParam("topic")
    List<String> topics;
    @QueryParam("type")
    List<String> types;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("document")
    String document;
    @QueryParam("q")
    String q;
    @QueryParam("includeRetracted")
    String includeRetracted;
    @QueryParam("limit")
    String limit;
    @QueryParam("cursor")
    String cursor;

    /**
     * The page of one subject's facts (an actor's, a topic's): the filter narrowed to it, read once the
     * subject is known to exist, so that an unknown one is a 404 rather than an empty page.
     */
    Uni<Dtos.FactList> ofSubject(FactQueries facts, UnaryOperator<FactFilter> narrow, Supplier<Uni<?>> subject) {
        FactFilter filter = narrow.apply(Params.filter(actors, topics, types, from, to, document, q, includeRetracted));
        int size = PageSize.of(Params.integer("limit", limit));
        return subject.get().chain(found -> facts.page(filter, size, cursor)).map(Dtos.FactList::of);
    }
}

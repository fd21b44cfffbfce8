package io.factline.api.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.config.FactlineConfig;
import io.factline.api.AccessRoles;
import io.factline.api.Callers;
import io.factline.api.WriteConsistency;
import io.factline.domain.ContentTooLargeException;
import io.factline.domain.NotFoundException;
import io.factline.ingest.DocumentIngestion;
import io.factline.ingest.DocumentSubmission;
import io.factline.ingest.IngestResult;
import io.factline.ingest.Utf8;
import io.factline.query.DocumentQueries;
import io.factline.query.DocumentView;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Ingest documents and read them with their facts")
public class DocumentsResource {

    @Inject
    Callers callers;
    @Inject
    DocumentIngestion ingestion;
    @Inject
    DocumentQueries documents;
    @Inject
    FactQueries facts;
    @Inject
    WriteConsistency consistency;
    @Inject
    ObjectMapper json;
    @Inject
    FactlineConfig config;

    @RolesAllowed(AccessRoles.INGEST)
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Ingest a document: text/plain, text/html, or JSON {text|html, title, publisher, published, publishedDate, url}",
            description = "201 with Location when new; 200 with the same id when this text was ingested before. "
                    + "For text and HTML bodies, metadata comes as query parameters.")
    public Uni<Response> ingest(byte[] body, @HeaderParam("Content-Type") String contentType,
                                @QueryParam("title") String title, @QueryParam("publisher") String publisher,
                                @QueryParam("published") String published, @QueryParam("publishedDate") String publishedDate,
                                @QueryParam("url") String url) {
        DocumentSubmission submission = submission(body == null ? new byte[0] : body, contentType, title, publisher,
                published, publishedDate, url);
        return ingestion.ingest(submission, callers.metadata("rest")).chain(this::answer);
    }

    private DocumentSubmission submission(byte[] body, String contentType, String title, String publisher,
                                          String published, String publishedDate, String url) {
        long maxBytes = config.ingest().maxDocumentBytes();
        if (body.length > maxBytes) {
            throw new ContentTooLargeException(body.length, maxBytes);
        }
        String type = contentType == null ? MediaType.TEXT_PLAIN : contentType.split(";", 2)[0].strip().toLowerCase();
        String charset = contentType == null ? null : RequestChecks.charset(contentType);
        boolean isJson = type.equals(MediaType.APPLICATION_JSON);
        String text = isJson || charset == null ? Utf8.decode(body) : Utf8.decode(body, java.nio.charset.Charset.forName(charset));
        if (!isJson) {
            return new DocumentSubmission(text, type, title, publisher, published, Params.date("publishedDate", publishedDate), url);
        }
        Dtos.DocumentBody doc;
        try {
            doc = json.readerFor(Dtos.DocumentBody.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedJson(e);
        }
        Params.body(doc, "a document: {text or html, title, publisher, published, publishedDate, url}");
        return DocumentSubmission.of(doc.text(), doc.html(), doc.title(), doc.publisher(), doc.published(),
                doc.publishedDate(), doc.url());
    }

    private Uni<Response> answer(IngestResult result) {
        URI location = URI.create("/api/documents/" + result.documentId());
        return consistency.visible(result.position()).chain(shown -> documents.byId(result.documentId()).map(found -> {
            if (!shown || found.isEmpty()) {
                return Response.accepted(new Dtos.Recorded(result.documentId(), 1, result.position(),
                        "recorded; the views will show it shortly")).location(location).build();
            }
            Dtos.Ingested body = new Dtos.Ingested(result.documentId(), result.created(), result.factIds().size(),
                    result.corroboratedFactIds().size(),
                    Dtos.DocumentDto.of(found.get(), null, null));
            return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(body).build();
        }));
    }

    @GET
    @Operation(summary = "Documents in ingestion order, in pages")
    public Uni<Dtos.DocumentList> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return documents.page(PageSize.of(Params.integer("limit", limit)), cursor).chain(page -> {
            List<UUID> ids = page.items().stream().map(d -> d.id).toList();
            return documents.factCounts(ids).map(counts -> new Dtos.DocumentList(
                    page.items().stream().map(d -> Dtos.DocumentDto.of(d, counts.get(d.id), null)).toList(),
                    page.hasNext() ? page.endCursor() : null));
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A document with its stored text (the text every source offset indexes)")
    public Uni<Dtos.DocumentDto> get(@PathParam("id") String id) {
        UUID documentId = Params.pathId("document", id);
        return existing(documentId).chain(doc -> documents.texts(List.of(documentId))
                .chain(texts -> documents.factCounts(List.of(documentId))
                        .map(counts -> Dtos.DocumentDto.of(doc, counts.get(documentId), texts.get(documentId)))));
    }

    @GET
    @Path("{id}/facts")
    @Operation(summary = "The facts sourced from a document, by date, in pages")
    public Uni<Dtos.FactList> facts(@PathParam("id") String id, @QueryParam("includeRetracted") String includeRetracted,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        UUID documentId = Params.pathId("document", id);
        FactFilter filter = new FactFilter(null, null, null, null, null, documentId, null,
                Params.bool("includeRetracted", includeRetracted));
        int size = limit == null ? PageSize.MAX : PageSize.of(Params.integer("limit", limit));
        return existing(documentId).chain(doc -> facts.page(filter, size, cursor))
                .map(Dtos.FactList::of);
    }

    private Uni<DocumentView> existing(UUID id) {
        return documents.byId(id).map(found -> found.orElseThrow(() -> new NotFoundException("document", id)));
    }

    /** Malformed JSON in a document body; mapped to 400 like any other malformed JSON. */
    static class UncheckedJson extends RuntimeException {
        UncheckedJson(com.fasterxml.jackson.core.JsonProcessingException cause) {
            super(cause);
        }
    }
}

package io.factline.api.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.factline.projection.FactDoc;
import io.factline.query.ActorView;
import io.factline.query.DocumentView;
import io.factline.query.TimelineBucket;
import io.factline.query.TopicView;

/** The JSON shapes of the REST API (facts are served as {@link FactDoc}, the same shape as in GraphQL). */
final class Dtos {

    private Dtos() {
    }

    record FactList(List<FactDoc> items, String nextCursor) {
        static FactList of(io.factline.query.Page<FactDoc> page) {
            return new FactList(page.items(), page.hasNext() ? page.endCursor() : null);
        }
    }

    record FactHistory(UUID factId, int version, String status, List<FactDoc.ChangeDoc> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentDto(UUID id, String title, String publisher, String published, LocalDate publishedDate, String url,
                       String mediaType, int length, String contentHash, OffsetDateTime ingestedAt, String ingestedBy,
                       long position, Integer factCount, String text) {

        static DocumentDto of(DocumentView d, Integer factCount, String text) {
            return new DocumentDto(d.id, d.title, d.publisher, d.published, d.publishedDate, d.url, d.mediaType, d.length,
                    d.contentHash, d.ingestedAt, d.ingestedBy, d.position, factCount, text);
        }
    }

    record DocumentList(List<DocumentDto> items, String nextCursor) {
    }

    /** The answer to an ingestion: which document, whether it is new, and how many facts it brought. */
    record Ingested(UUID id, boolean created, int facts, int corroborated, DocumentDto document) {
    }

    /** A JSON body for POST /api/documents: exactly one of text or html. */
    record DocumentBody(String text, String html, String title, String publisher, String published,
                        LocalDate publishedDate, String url) {
    }

    /** An actor; {@code discovered} ones were found by the extractor, at {@code mention}, acting for {@code actsFor}. */
    record ActorDto(String id, String name, String kind, List<String> aliases, String wikidataId, String description,
                    int factCount, boolean discovered, String actsFor, MentionDto mention) {
        static ActorDto of(ActorView a) {
            return new ActorDto(a.id, a.name, a.kind, a.aliases == null ? List.of() : List.of(a.aliases), a.wikidataId,
                    a.description, a.factCount, a.discovered, a.actsFor,
                    a.mentionDocument == null ? null : new MentionDto(a.mentionDocument, a.mentionText, a.mentionStart, a.mentionEnd));
        }
    }

    /** Where a discovered actor was found: a document and the offsets of the words in its text. */
    record MentionDto(UUID document, String text, Integer start, Integer end) {
    }

    record ActorList(List<ActorDto> items, String nextCursor) {
    }

    record TopicDto(String id, String name, String description, int factCount) {
        static TopicDto of(TopicView t) {
            return new TopicDto(t.id, t.name, t.description, t.factCount);
        }
    }

    record TopicList(List<TopicDto> items) {
    }

    record Timeline(String granularity, List<TimelineBucket> periods) {
    }

    record Retraction(String reason) {
    }

    /** An event of the log as the feed serves it: payload and metadata as JSON objects. */
    record FeedEvent(long position, String streamId, int version, String type, int schemaVersion,
                     com.fasterxml.jackson.databind.JsonNode payload, com.fasterxml.jackson.databind.JsonNode metadata,
                     OffsetDateTime recordedAt) {
    }

    /** A page of the log; continue with {@code ?after=next}. */
    record Feed(List<FeedEvent> items, long next, long head) {
    }

    /** What a write recorded when the views have not caught up with it yet (202 Accepted). */
    record Recorded(UUID id, int version, long position, String note) {
    }

    /** checkpoint and head are log positions; lag is the number of events between them. */
    record ProjectionStatus(long checkpoint, long head, long lag) {
    }
}

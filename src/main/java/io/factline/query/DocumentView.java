package io.factline.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A document as the read model holds it, without its text: lists of documents should not carry
 * megabytes; the text is read on its own ({@link DocumentQueries#texts}).
 */
@Entity
@Immutable
@Table(name = "document_view")
public class DocumentView extends PanacheEntityBase {
    @Id
    public UUID id;
    public String contentHash;
    public String title;
    public String publisher;
    public String published;
    public LocalDate publishedDate;
    public String url;
    public String mediaType;
    public int length;
    public OffsetDateTime ingestedAt;
    public String ingestedBy;
    public long position;
}

package io.factline.ingest;

import java.time.LocalDate;

import io.factline.domain.InvalidFactException;

/**
 * A document as submitted: its body (plain text or HTML, already decoded from UTF-8) and what is
 * known about it. {@code published} is the date as printed on the page; {@code publishedDate} the
 * same as a date, where known.
 */
public record DocumentSubmission(String body, String mediaType, String title, String publisher, String published,
                                 LocalDate publishedDate, String url) {

    public DocumentSubmission {
        if (publishedDate != null && (publishedDate.getYear() < io.factline.domain.FactDate.EARLIEST_YEAR
                || publishedDate.getYear() > io.factline.domain.FactDate.LATEST_YEAR)) {
            throw new InvalidFactException("publishedDate lies between the years " + io.factline.domain.FactDate.EARLIEST_YEAR
                    + " and " + io.factline.domain.FactDate.LATEST_YEAR);
        }
    }

    /** From a JSON-like input that carries exactly one of {@code text} and {@code html}. */
    public static DocumentSubmission of(String text, String html, String title, String publisher, String published,
                                        LocalDate publishedDate, String url) {
        if ((text == null) == (html == null)) {
            throw new InvalidFactException("a document carries exactly one of \"text\" and \"html\"");
        }
        return new DocumentSubmission(text != null ? text : html,
                text != null ? DocumentNormalizer.PLAIN : DocumentNormalizer.HTML,
                title, publisher, published, publishedDate, url);
    }
}

package io.factline.ingest;

import java.time.LocalDate;

/**
 * A document as submitted: its body (plain text or HTML, already decoded from UTF-8) and what is
 * known about it. {@code published} is the date as printed on the page; {@code publishedDate} the
 * same as a date, where known.
 */
public record DocumentSubmission(String body, String mediaType, String title, String publisher, String published,
                                 LocalDate publishedDate, String url) {
}

package io.factline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.factline.domain.InvalidFactException;
import io.factline.domain.UnsupportedContentException;

class DocumentNormalizerTest {

    private final DocumentNormalizer normalizer = new DocumentNormalizer();

    private DocumentNormalizer.Normalized plain(String body) {
        return normalizer.normalize(new DocumentSubmission(body, "text/plain; charset=utf-8", null, null, null, null, null));
    }

    private DocumentNormalizer.Normalized html(String body) {
        return normalizer.normalize(new DocumentSubmission(body, "text/html", null, null, null, null, null));
    }

    @Test
    void plainTextKeepsItsWordsWithUnixLineEndsAndComposedUnicode() {
        assertThat(plain("\uFEFFLine one\r\nLine two\rLine three\n").text()).isEqualTo("Line one\nLine two\nLine three\n");
        assertThat(plain("Cafe\u0301 talks").text()).isEqualTo("Café talks");
        assertThat(plain("  spaced  words\t kept ").text()).isEqualTo("  spaced  words\t kept ");
        assertThat(plain("Seoul").mediaType()).isEqualTo("text/plain");
    }

    @Test
    void htmlBecomesItsVisibleTextInParagraphs() {
        DocumentNormalizer.Normalized doc = html("<!doctype html><html><head><title> Alliance news </title>"
                + "<style>body{}</style></head><body><script>var x = 1;</script><h1>Summit</h1>"
                + "<div><p>The two&nbsp;leaders <em>met</em>\n in Seoul.</p><ul><li>One</li><li>Two</li></ul></div>"
                + "<p>Line<br>break</p><noscript>Enable JS</noscript></body></html>");
        assertThat(doc.title()).isEqualTo("Alliance news");
        assertThat(doc.text()).isEqualTo("Summit\n\nThe two leaders met in Seoul.\n\nOne\n\nTwo\n\nLine\nbreak");
    }

    @Test
    void aGivenTitleWinsOverTheHtmlTitle() {
        var doc = normalizer.normalize(new DocumentSubmission("<title>Page</title><p>Text</p>", "text/html", "Mine", null, null,
                null, null));
        assertThat(doc.title()).isEqualTo("Mine");
    }

    @Test
    void refusesBinaryEmptyAndUnknownKinds() {
        assertThatThrownBy(() -> plain("abc\u0000def")).isInstanceOf(UnsupportedContentException.class)
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> plain("\u0007bell")).isInstanceOf(UnsupportedContentException.class);
        assertThatThrownBy(() -> plain("  \n ")).isInstanceOf(InvalidFactException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> html("<html><body><script>only()</script></body></html>"))
                .isInstanceOf(InvalidFactException.class);
        assertThatThrownBy(() -> normalizer.normalize(new DocumentSubmission("x", "application/pdf", null, null, null, null, null)))
                .isInstanceOf(UnsupportedContentException.class);
    }
}

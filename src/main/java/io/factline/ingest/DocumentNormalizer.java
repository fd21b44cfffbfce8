package io.factline.ingest;

import java.text.Normalizer;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import io.factline.domain.InvalidFactException;
import io.factline.domain.Texts;
import io.factline.domain.UnsupportedContentException;

/**
 * Makes the text that is stored, and that every source offset indexes: plain text keeps its words
 * and lines (line ends become \n, Unicode is composed to NFC); HTML is reduced to its visible text,
 * one paragraph per block.
 */
public final class DocumentNormalizer {

    /** The stored text, the title (found in the HTML if the submission had none) and the checked metadata. */
    public record Normalized(String text, String mediaType, String title, String publisher, String published, String url) {
    }

    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";

    public Normalized normalize(DocumentSubmission submission) {
        String mediaType = baseType(submission.mediaType());
        String body = submission.body() == null ? "" : submission.body();
        if (!body.isEmpty() && body.charAt(0) == '\uFEFF') {
            body = body.substring(1);
        }
        rejectBinary(body);
        String title = Texts.optional("title", strip(submission.title()), 500);
        String text;
        switch (mediaType) {
            case PLAIN -> text = body.replace("\r\n", "\n").replace('\r', '\n');
            case HTML -> {
                Document html = Jsoup.parse(body);
                if (title == null && !html.title().isBlank()) {
                    String found = html.title().strip();
                    title = found.length() <= 500 ? found : found.substring(0, 500);
                }
                text = visibleText(html);
            }
            default -> throw new UnsupportedContentException("documents are text/plain or text/html, not " + mediaType);
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (text.isBlank()) {
            throw new InvalidFactException("the document has no text");
        }
        return new Normalized(text, mediaType, title, Texts.optional("publisher", strip(submission.publisher()), 300),
                Texts.optional("published", strip(submission.published()), 200),
                Texts.optional("url", strip(submission.url()), 2000));
    }

    static String baseType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return PLAIN;
        }
        return mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static void rejectBinary(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
                throw new UnsupportedContentException("the document holds binary data (character U+"
                        + String.format("%04X", (int) c) + " at " + i + "), not text");
            }
        }
    }

    /** Visible text of the body: block elements become paragraphs, scripts and styles go. */
    private static String visibleText(Document html) {
        html.select("script, style, noscript, template, head").remove();
        StringBuilder out = new StringBuilder();
        StringBuilder block = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    block.append(text.text());
                } else if (node instanceof Element element) {
                    if (element.tagName().equals("br")) {
                        block.append('\n');
                    } else if (element.isBlock()) {
                        flush(out, block);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    flush(out, block);
                }
            }
        }, html.body());
        flush(out, block);
        return out.toString().strip();
    }

    private static void flush(StringBuilder out, StringBuilder block) {
        String paragraph = block.toString().replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ")
                .replaceAll(" *\\n *", "\n").strip();
        block.setLength(0);
        if (!paragraph.isEmpty()) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(paragraph);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}

package io.factline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences, tokens, part-of-speech tags and lemmas from OpenNLP's English (UD EWT) models, bundled
 * in jars on the classpath. The models are loaded once and shared; the OpenNLP tools that use them
 * are not thread-safe, so each thread gets its own.
 */
final class Nlp {

    private static final String PREFIX = "opennlp-en-ud-ewt-";
    private static final java.util.regex.Pattern INITIALISM = java.util.regex.Pattern.compile("(?:\\p{Lu}\\.){2,}[,;:]?");
    private static final String SUFFIX = "-1.3-2.5.4.bin";

    private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel tags, LemmatizerModel lemmas) {
    }

    private record Tools(SentenceDetectorME sentences, TokenizerME tokens, POSTaggerME tags, LemmatizerME lemmas) {
    }

    private static volatile Models models;
    private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(() -> {
        Models m = models();
        return new Tools(new SentenceDetectorME(m.sentences()), new TokenizerME(m.tokens()), new POSTaggerME(m.tags()),
                new LemmatizerME(m.lemmas()));
    });

    private Nlp() {
    }

    /** Loads the models if not yet loaded; returns the time it took in milliseconds (0 when already loaded). */
    static long load() {
        if (models != null) {
            return 0;
        }
        long t0 = System.nanoTime();
        models();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Reads all four models from their jars again, keeping nothing: what a cold start pays (milliseconds). */
    static long freshLoadMillis() {
        long t0 = System.nanoTime();
        try {
            new SentenceModel(open("sentence"));
            new TokenizerModel(open("tokens"));
            new POSModel(open("pos"));
            new LemmatizerModel(open("lemmas"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an OpenNLP model", e);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static Models models() {
        Models m = models;
        if (m == null) {
            synchronized (Nlp.class) {
                m = models;
                if (m == null) {
                    try {
                        m = new Models(new SentenceModel(open("sentence")), new TokenizerModel(open("tokens")),
                                new POSModel(open("pos")), new LemmatizerModel(open("lemmas")));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read an OpenNLP model", e);
                    }
                    models = m;
                }
            }
        }
        return m;
    }

    private static InputStream open(String kind) {
        InputStream in = Nlp.class.getClassLoader().getResourceAsStream(PREFIX + kind + SUFFIX);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + PREFIX + kind + SUFFIX + " is not on the classpath");
        }
        return in;
    }

    /** Sentence spans of text[from, to), as absolute offsets. */
    static List<int[]> sentences(String text, int from, int to) {
        Span[] spans = TOOLS.get().sentences().sentPosDetect(text.substring(from, to));
        List<int[]> out = new ArrayList<>(spans.length);
        for (Span s : spans) {
            out.add(new int[] {from + s.getStart(), from + s.getEnd()});
        }
        return out;
    }

    /**
     * OpenNLP's tokenizer, with the alphanumeric shortcut its own option provides (off in these
     * models): a whitespace-separated word of letters and digits only is one token as it stands, so
     * only the others go through the statistical model, which costs per character.
     */
    static Span[] tokenize(TokenizerME tokenizer, String s) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            boolean plain = true;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                plain &= Character.isLetterOrDigit(s.charAt(i));
                i++;
            }
            if (start == i) {
                break;
            }
            if (plain) {
                out.add(new Span(start, i));
            } else if (INITIALISM.matcher(s.substring(start, i)).matches()) { // "R.O.K.", "U.N.,": one word, not "R.O." "K" "."
                int end = Character.isLetter(s.charAt(i - 1)) || s.charAt(i - 1) == '.' ? i : i - 1;
                out.add(new Span(start, end));
                if (end < i) {
                    out.add(new Span(end, i));
                }
            } else {
                for (Span piece : tokenizer.tokenizePos(s.substring(start, i))) {
                    out.add(new Span(start + piece.getStart(), start + piece.getEnd()));
                }
            }
        }
        return out.toArray(new Span[0]);
    }

    /**
     * Rejoins words the tokenizer split at a hyphen ("Jae - in", "four - day"): left apart, the
     * pieces mislead the tagger ("Moon Jae-in met" tags "in" as a preposition and "met" as a noun).
     */
    static Span[] joinHyphenated(Span[] spans, String s) {
        List<Span> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            Span cur = spans[i];
            while (i + 2 < spans.length && cur.getEnd() == spans[i + 1].getStart()
                    && spans[i + 1].getEnd() == spans[i + 2].getStart()
                    && s.substring(spans[i + 1].getStart(), spans[i + 1].getEnd()).equals("-")
                    && Character.isLetterOrDigit(s.charAt(cur.getEnd() - 1))
                    && Character.isLetterOrDigit(s.charAt(spans[i + 2].getStart()))) {
                cur = new Span(cur.getStart(), spans[i + 2].getEnd());
                i += 2;
            }
            out.add(cur);
        }
        return out.toArray(new Span[0]);
    }

    /** Tokens and tags of the sentence text[start, end); lemmas on demand (see {@link Sentence}). */
    static Sentence analyse(String text, int start, int end, VerbForms verbs) {
        Tools tools = TOOLS.get();
        String s = text.substring(start, end);
        Span[] spans = joinHyphenated(tokenize(tools.tokens(), s), s);
        String[] words = Span.spansToStrings(spans, s);
        String[] tags = tools.tags().tag(words);
        int[] starts = new int[spans.length];
        int[] ends = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            starts[i] = start + spans[i].getStart();
            ends[i] = start + spans[i].getEnd();
        }
        return new Sentence(text, start, end, words, tags, starts, ends, verbs,
                () -> TOOLS.get().lemmas().lemmatize(words, tags));
    }
}

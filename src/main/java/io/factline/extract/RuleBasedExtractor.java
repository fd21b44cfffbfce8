package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.factline.domain.FactActor;
import io.factline.domain.Role;

/**
 * factline's extraction pipeline: cleaning, sentences and tokens (OpenNLP), dates, actors with
 * light coreference, triggers, topics. Deterministic and free of I/O once built; all its
 * knowledge is data ({@link ExtractionData}). Thread-safe: per-call state lives in a {@link Discourse}.
 */
public final class RuleBasedExtractor implements FactExtractor {

    /** Bump when a rule or a data file changes what is extracted. */
    public static final String VERSION = "factline-rules-1";

    private static final Pattern INITIALISM_END = Pattern.compile("(?:\\b[A-Z]\\.)+$");
    private static final int SUMMARY_LIMIT = 280;
    /** Longer "sentences" (unpunctuated text, lists) are cut: the tagger slows down sharply with length. */
    static final int MAX_SENTENCE_CHARS = 600;

    private final TextBlocks blocks;
    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final ActorFinder actorFinder;
    private final TriggerFinder triggerFinder;
    private final Map<String, List<String>> topicKeywords = new LinkedHashMap<>();
    private final Map<String, List<String>> topicSides = new LinkedHashMap<>();
    private final Set<String> abbreviations;
    private final Set<String> sentenceStarters;
    private final VerbForms verbs;

    public RuleBasedExtractor(ExtractionData data) {
        this.blocks = new TextBlocks(data.lexicon().boilerplate());
        this.dates = new DateFinder(data.triggers().targetMarkers());
        this.gazetteer = new Gazetteer(data);
        this.actorFinder = new ActorFinder(gazetteer, data.lexicon(), data.triggers().jointSubjects());
        this.triggerFinder = new TriggerFinder(data.triggers(), data.lexicon().nonEpisodic());
        for (ExtractionData.Topic t : data.topics()) {
            topicKeywords.put(t.id(), t.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList());
            if (!t.sides().isEmpty()) {
                topicSides.put(t.id(), t.sides());
            }
        }
        this.abbreviations = Set.copyOf(data.lexicon().abbreviations());
        this.sentenceStarters = Set.copyOf(data.lexicon().sentenceStarters());
        Set<String> verbLemmas = new java.util.HashSet<>(data.triggers().governorVerbs());
        java.util.stream.Stream.of(data.triggers().statement(), data.triggers().agreement(), data.triggers().meeting())
                .flatMap(List::stream).forEach(t -> verbLemmas.add(t.lemma().split(" ")[0]));
        this.verbs = new VerbForms(verbLemmas, data.lexicon().irregularVerbs());
    }

    /** The pipeline with the data bundled in factline's resources, models loaded. */
    public static RuleBasedExtractor bundled() {
        Nlp.load();
        return new RuleBasedExtractor(ExtractionData.bundled());
    }

    /** Loads the language models now rather than on the first document; returns milliseconds spent. */
    public static long loadModels() {
        return Nlp.load();
    }

    /** Reads the four language models afresh without keeping them, for the benchmark; milliseconds. */
    public static long measureModelLoad() {
        return Nlp.freshLoadMillis();
    }

    /** How many sentences the pipeline reads in a text (after cleaning), for throughput figures. */
    public int countSentences(String text) {
        int n = 0;
        for (TextBlocks.Block block : blocks.read(text).paragraphs()) {
            if (!block.heading()) {
                n += sentences(text, block.start(), block.end()).size();
            }
        }
        return n;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<FactDraft> extract(DocumentText document) {
        String text = document.text();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TextBlocks.Cleaned cleaned = blocks.read(text);
        LocalDate documentDate = document.documentDate() != null ? document.documentDate()
                : cleaned.documentDate().orElse(null);
        Discourse discourse = new Discourse(gazetteer, documentDate);
        List<FactDraft> drafts = new ArrayList<>();
        for (TextBlocks.Block block : cleaned.paragraphs()) {
            if (block.heading()) {
                continue;
            }
            discourse.newParagraph();
            for (int[] span : sentences(text, block.start(), block.end())) {
                Sentence sentence = Nlp.analyse(text, span[0], span[1], verbs);
                new SentenceReading(this, sentence, discourse).read(drafts);
            }
        }
        return drafts;
    }

    /** OpenNLP's sentences, rejoined where it split after an abbreviation ("the U.S. and R.O.K. agreed"). */
    List<int[]> sentences(String text, int from, int to) {
        List<int[]> raw = Nlp.sentences(text, from, to);
        List<int[]> merged = new ArrayList<>(raw.size());
        for (int[] s : raw) {
            if (!merged.isEmpty()) {
                int[] prev = merged.get(merged.size() - 1);
                String prevText = text.substring(prev[0], prev[1]);
                if (endsWithAbbreviation(prevText) && continues(text.substring(s[0], s[1]))) {
                    prev[1] = s[1];
                    continue;
                }
            }
            merged.add(new int[] {s[0], s[1]});
        }
        List<int[]> bounded = new ArrayList<>(merged.size());
        for (int[] s : merged) {
            int start = s[0];
            while (s[1] - start > MAX_SENTENCE_CHARS) {
                int cut = cutPoint(text, start, start + MAX_SENTENCE_CHARS);
                bounded.add(new int[] {start, cut});
                start = cut;
                while (start < s[1] && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (start < s[1]) {
                bounded.add(new int[] {start, s[1]});
            }
        }
        return bounded;
    }

    /** Where to cut an over-long sentence: after the last ";" or "," before the limit, else at a space. */
    private static int cutPoint(String text, int start, int limit) {
        for (String mark : new String[] {";", ",", " "}) {
            int at = text.lastIndexOf(mark, limit - 1);
            if (at > start + MAX_SENTENCE_CHARS / 2) {
                return at + 1;
            }
        }
        return limit;
    }

    private boolean endsWithAbbreviation(String sentence) {
        String last = sentence.substring(sentence.lastIndexOf(' ') + 1);
        return abbreviations.contains(last) || INITIALISM_END.matcher(sentence).find();
    }

    private boolean continues(String next) {
        String first = next.split("[\\s,]", 2)[0];
        return !first.isEmpty() && (Character.isLowerCase(first.charAt(0))
                || !sentenceStarters.contains(first.toLowerCase(Locale.ROOT)));
    }

    DateFinder dates() {
        return dates;
    }

    ActorFinder actorFinder() {
        return actorFinder;
    }

    TriggerFinder triggerFinder() {
        return triggerFinder;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Topic ids whose keywords occur in the passage. */
    List<String> keywordTopics(String passage) {
        String lower = passage.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        topicKeywords.forEach((id, keywords) -> {
            for (String k : keywords) {
                if (atWordStart(lower, k)) {
                    found.add(id);
                    break;
                }
            }
        });
        return found;
    }

    /** A keyword counts where a word starts with it ("sanction" in "sanctions", not in "unsanctioned"). */
    private static boolean atWordStart(String text, String keyword) {
        for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The passage's keyword topics, the topics named like one of the actors, and the topics of the
     * sides the fact's own actors stand for (a meeting of the two Koreas' people is inter-Korean).
     */
    List<String> topics(List<String> keywordTopics, List<FactActor> actors, List<FactActor> ownActors) {
        Set<String> found = new LinkedHashSet<>(keywordTopics);
        Set<String> sides = new java.util.HashSet<>();
        ownActors.forEach(a -> sides.add(gazetteer.sideOf(a.actorId())));
        topicSides.forEach((id, needed) -> {
            if (sides.containsAll(needed)) {
                found.add(id);
            }
        });
        for (FactActor a : actors) {
            if (topicKeywords.containsKey(a.actorId())) {
                found.add(a.actorId());
            }
        }
        return List.copyOf(found);
    }

    static String summary(String passage) {
        String s = passage.replaceAll("\\s+", " ").strip();
        return s.length() <= SUMMARY_LIMIT ? s : s.substring(0, SUMMARY_LIMIT - 1).stripTrailing() + "…";
    }

    static List<FactActor> withRole(List<String> ids, Role role) {
        return ids.stream().distinct().map(id -> new FactActor(id, role)).toList();
    }
}

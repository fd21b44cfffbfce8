package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.factline.domain.ActorKind;
import io.factline.extract.DateFinder.DateMention;

/**
 * factline's extraction pipeline: cleaning and the document's date, sentences and tokens (OpenNLP),
 * clauses, dates, actors with coreference, then one reader per fact type. Deterministic and free of
 * I/O once built; all its knowledge is data ({@link ExtractionData}). Thread-safe: per-call state
 * lives in a {@link Discourse}.
 */
public final class RuleBasedExtractor implements FactExtractor {

    /** Bump when a rule or a data file changes what is extracted. */
    public static final String VERSION = "factline-rules-2";

    /** A signature line: a name alone at the foot of the text ("Porter", "William J. Porter"). */
    private static final Pattern SIGNATURE = Pattern.compile("\\s*\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s*");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?:^|\\s)I\\s");
    private static final Pattern INITIALISM_END = Pattern.compile("(?:\\b[A-Z]\\.)+$");
    /** Longer "sentences" (unpunctuated text, lists) are cut: the tagger slows down sharply with length. */
    static final int MAX_SENTENCE_CHARS = 600;

    private final TextBlocks blocks;
    private final DateFinder dates;
    private final Gazetteer gazetteer;
    private final ActorFinder actorFinder;
    private final ClauseAnalyser clauses;
    private final List<FactReader> readers;
    private final MeetingReader titleReader;
    private final ReaderTools tools;
    private final SpeakerTurns turns;
    private final Set<String> abbreviations;
    private final Set<String> sentenceStarters;
    private final VerbForms verbs;
    private final Set<String> reportingVerbs;
    private final Set<String> governorVerbs;
    private final Set<String> agentNouns;

    public RuleBasedExtractor(ExtractionData data) {
        this(data, null);
    }

    /** With another clause analyser than the shallow one over OpenNLP's tags (for comparing parsers). */
    RuleBasedExtractor(ExtractionData data, ClauseAnalyser analyser) {
        this.blocks = new TextBlocks(data.lexicon().boilerplate());
        this.dates = new DateFinder(data.triggers().targetMarkers());
        this.gazetteer = new Gazetteer(data);
        this.actorFinder = new ActorFinder(gazetteer, data.lexicon(), data.triggers().jointSubjects());
        this.clauses = analyser != null ? analyser : new ShallowClauses(data.lexicon().clauseWords());
        Triggers triggers = new Triggers(data.triggers());
        Topics topics = new Topics(data.topics());
        this.tools = new ReaderTools(triggers, new Dating(), new Drafting(topics), new NominalEvents(triggers));
        this.titleReader = new MeetingReader(tools);
        // the order matters only for the transcript rule: a speaker's statement is added where no other is read
        this.readers = List.of(
                titleReader,
                new AgreementReader(tools, data.lexicon().groupNouns().jointAdjectives()),
                new StatementReader(tools, topics));
        this.turns = new SpeakerTurns(gazetteer);
        this.reportingVerbs = data.lexicon().clauseWords().speech();
        this.governorVerbs = Set.copyOf(data.triggers().governorVerbs());
        this.agentNouns = Set.copyOf(data.lexicon().agentNouns());
        this.abbreviations = Set.copyOf(data.lexicon().abbreviations());
        this.sentenceStarters = Set.copyOf(data.lexicon().sentenceStarters());
        Set<String> verbLemmas = new java.util.HashSet<>(data.triggers().governorVerbs());
        triggers.verbLemmas().forEach(verbLemmas::add);
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

    /**
     * An actor from an earlier document, met again here: by its name and aliases, and by surname only
     * where this document also gives the full name (one surname is many people across documents).
     */
    private void knownActor(KnownActor known, String text, Discourse discourse) {
        if (gazetteer.actor(known.id()) != null || known.name() == null || known.name().isBlank()) {
            return;
        }
        String[] parts = known.name().split(" ");
        String surname = known.kind() == ActorKind.PERSON && parts.length > 1 && text.contains(known.name())
                ? parts[parts.length - 1] : null;
        discourse.known(new ExtractionData.Actor(known.id(), known.name(), known.kind().name(), known.aliases(), null,
                surname, null, List.of(), List.of(), known.state(), null));
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
        Discourse discourse = new Discourse(gazetteer, documentDate, documentKey(text));
        document.knownActors().forEach(known -> knownActor(known, text, discourse));
        List<TextBlocks.Block> blocks = cleaned.paragraphs();
        TextBlocks.Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last != null && blocks.size() > 2 && SIGNATURE.matcher(text.substring(last.start(), last.end())).matches()
                && FIRST_PERSON.matcher(text).find() && actorFinder.looksLikeAName(text.substring(last.start(), last.end()))) {
            discourse.author(actorFinder.signatory(text, last.start(), last.end(), discourse, documentDate));
        }
        List<FactDraft> drafts = new ArrayList<>();
        boolean titleRead = false;
        for (TextBlocks.Block block : cleaned.paragraphs()) {
            if (block.heading()) {
                if (!titleRead) { // the title names the occasion: "… in Joint Press Conference"
                    List<FactDraft> title = new ArrayList<>();
                    titleReader.readHeadline(parse(text, block.start(), block.end(), discourse), title);
                    title.forEach(f -> discourse.jointActors(f.actors().stream().map(io.factline.domain.FactActor::actorId).toList()));
                    drafts.addAll(title);
                }
                titleRead = true;
                continue;
            }
            titleRead = true;
            discourse.newParagraph();
            int start = block.start();
            String paragraph = text.substring(block.start(), block.end());
            int label = SpeakerTurns.labelLength(paragraph);
            if (label > 0) {
                discourse.speaker(turns.speaker(paragraph, documentDate).orElse(null));
                start += label;
            }
            for (int[] span : sentences(text, start, block.end())) {
                SentenceParse parse = parse(text, span[0], span[1], discourse);
                List<FactDraft> sentenceFacts = new ArrayList<>();
                for (FactReader reader : readers) {
                    reader.read(parse, sentenceFacts);
                }
                drafts.addAll(sentenceFacts);
                for (FactDraft f : sentenceFacts) {
                    discourse.stated(f.type());
                    if (f.type() != io.factline.domain.FactType.STATEMENT) { // "they": those who last met or agreed
                        discourse.jointActors(f.actors().stream().map(io.factline.domain.FactActor::actorId).toList());
                    }
                }
                discourse.saw(parse.mentions);
                moveNarrativeDate(parse);
                discourse.next();
            }
        }
        return drafts;
    }

    private SentenceParse parse(String text, int start, int end, Discourse discourse) {
        Sentence s = Nlp.analyse(text, start, end, verbs);
        clauses.prepare(s);
        List<DateMention> dateMentions = dates.find(text, s.start(), s.end(), discourse.reference(),
                discourse.narrativeDate() == null ? null : discourse.narrativeDate().start());
        // who held an office is read at the sentence's date, else the story's, else the document's
        LocalDate day = dateMentions.stream().filter(d -> !d.target() && !d.span()).findFirst().map(d -> d.date().start())
                .orElse(discourse.narrativeDate() != null ? discourse.narrativeDate().start() : discourse.reference());
        List<Mention> mentions = actorFinder.find(s, discourse, day);
        s.markNames(mentions);
        return new SentenceParse(s, clauses.analyse(s), mentions, dateMentions, discourse, reportingVerbs, governorVerbs, agentNouns);
    }

    /**
     * The story's date moves to the date of an act the sentence states for itself (not one inside
     * what was said or agreed, not the date of an event it only names, not a target), when that date
     * opens the sentence or is no earlier than the story's: an earlier one deeper in the sentence is a
     * flashback ("raised questions about her appearance at a parade in September") and leaves it.
     */
    private void moveNarrativeDate(SentenceParse parse) {
        for (Predicate p : parse.predicates) {
            if (p.factual() && (parse.effectiveRelation(p) == Predicate.Relation.MAIN
                    || parse.effectiveRelation(p) == Predicate.Relation.ADVERBIAL)) {
                Dating.Dated d = tools.dateOf(parse, p);
                FactDateOrder order = FactDateOrder.of(parse.discourse.narrativeDate(), d.date());
                io.factline.domain.FactDate now = parse.discourse.narrativeDate();
                boolean coarserAround = now != null && now.isKnown() && d.date().isKnown() && !d.date().start().isAfter(now.start())
                        && !d.date().end().isBefore(now.end()) && !d.date().equals(now); // "(2017)" after "22 December 2017"
                if (d.own() && d.date().isKnown() && !coarserAround && (order != FactDateOrder.EARLIER || d.opening())) {
                    parse.discourse.narrativeDate(d.date());
                }
            }
        }
    }

    /** Whether a date lies before the story's current one. */
    private enum FactDateOrder {
        EARLIER, NOT_EARLIER;

        static FactDateOrder of(io.factline.domain.FactDate current, io.factline.domain.FactDate next) {
            return current != null && current.isKnown() && next.isKnown() && next.end().isBefore(current.start())
                    ? EARLIER : NOT_EARLIER;
        }
    }

    /** A short, stable key of the text (for the ids of actors known only by one name in it). */
    private static String documentKey(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenNLP's sentences, rejoined where it split after an abbreviation ("the U.S. and R.O.K. agreed"). */
    List<int[]> sentences(String text, int from, int to) {
        List<int[]> raw = Nlp.sentences(text, from, to);
        List<int[]> merged = new ArrayList<>(raw.size());
        int[] lastPiece = null;
        for (int[] s : raw) {
            if (!merged.isEmpty()) {
                int[] prev = merged.get(merged.size() - 1);
                // only the last piece's end: re-reading the whole merged text made long runs of initials quadratic
                String prevText = text.substring(Math.max(prev[0], lastPiece[1] - 40), lastPiece[1]);
                lastPiece = s;
                if (endsWithAbbreviation(prevText) && continues(text.substring(s[0], Math.min(s[1], s[0] + 80)))) {
                    prev[1] = s[1];
                    continue;
                }
            }
            merged.add(new int[] {s[0], s[1]});
            lastPiece = s;
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

    VerbForms verbForms() {
        return verbs;
    }
}

package io.factline.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;

import io.factline.extract.Predicate.Flag;
import io.factline.extract.Predicate.Relation;

/**
 * The clause analysis from Stanford CoreNLP's neural dependency parser (UD English, with its own
 * part-of-speech tagger) run on factline's tokens: the predicates and relations the readers need,
 * taken from the parse instead of from the shallow analyser's walk over OpenNLP's tags. For the
 * comparison in bench/parsers only (CoreNLP is GPL-3.0-or-later); with {@code retag} the sentence's
 * tags are CoreNLP's too, mapped to Universal Dependencies tags.
 */
final class CoreNlpClauses implements ClauseAnalyser {

    private final StanfordCoreNLP pipeline;
    private final ExtractionData.ClauseWords words;
    private final boolean retag;
    private final Map<Sentence, Parsed> parsed = new java.util.WeakHashMap<>();

    private record Parsed(List<CoreLabel> tokens, SemanticGraph graph) {
    }

    CoreNlpClauses(ExtractionData.ClauseWords words, boolean retag) {
        Properties props = new Properties();
        props.setProperty("annotators", "pos,depparse");
        props.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        this.pipeline = new StanfordCoreNLP(props, false);
        this.words = words;
        this.retag = retag;
    }

    @Override
    public void prepare(Sentence s) {
        Parsed p = parse(s);
        if (retag) {
            String[] tags = new String[s.size()];
            for (int i = 0; i < s.size(); i++) {
                tags[i] = universal(p.tokens().get(i).tag(), relationOf(p.graph(), i));
            }
            s.retag(tags);
        }
    }

    private synchronized Parsed parse(Sentence s) {
        Parsed p = parsed.get(s);
        if (p != null) {
            return p;
        }
        List<CoreLabel> tokens = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            CoreLabel cl = new CoreLabel();
            cl.setWord(s.words()[i]);
            cl.setValue(s.words()[i]);
            cl.setOriginalText(s.words()[i]);
            cl.setIndex(i + 1);
            cl.setSentIndex(0);
            cl.setBeginPosition(s.tokenStarts()[i]);
            cl.setEndPosition(s.tokenEnds()[i]);
            tokens.add(cl);
        }
        CoreMap sentence = new ArrayCoreMap();
        sentence.set(CoreAnnotations.TokensAnnotation.class, tokens);
        sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
        Annotation document = new Annotation(s.text());
        document.set(CoreAnnotations.TokensAnnotation.class, tokens);
        document.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        pipeline.annotate(document);
        p = new Parsed(tokens, sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class));
        parsed.put(s, p);
        return p;
    }

    @Override
    public List<Predicate> analyse(Sentence s) {
        Parsed parsedSentence = parse(s);
        SemanticGraph g = parsedSentence.graph();
        List<CoreLabel> tokens = parsedSentence.tokens();
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (isPredicate(g, tokens, i)) {
                heads.add(i);
            }
        }
        Map<Integer, Integer> index = new HashMap<>();
        for (int k = 0; k < heads.size(); k++) {
            index.put(heads.get(k), k);
        }
        List<Predicate> out = new ArrayList<>();
        for (int k = 0; k < heads.size(); k++) {
            int t = heads.get(k);
            IndexedWord w = g.getNodeByIndexSafe(t + 1);
            String rel = relationOf(g, t);
            int headOf = w == null || g.getParent(w) == null ? -1 : g.getParent(w).index() - 1;
            Integer gov = headOf < 0 ? null : nearestPredicate(g, headOf, index);
            Relation relation = relation(rel, tokens.get(t).tag(), markOf(g, t), s, headOf);
            int governor = gov == null ? -1 : gov;
            if (relation == Relation.COORDINATED && governor < 0) {
                relation = Relation.MAIN;
            }
            int[] subject = subjectOf(g, t);
            for (int at = governor, guard = 0; subject == null && at >= 0 && guard < 10 && relation != Relation.MAIN
                    && relation != Relation.RELATIVE; guard++) { // a shared subject: the governor's, or its governor's
                int head = heads.get(at);
                subject = subjectOf(g, head);
                IndexedWord hw = g.getNodeByIndexSafe(head + 1);
                IndexedWord parent = hw == null ? null : g.getParent(hw);
                Integer next = parent == null ? null : nearestPredicate(g, parent.index() - 1, index);
                at = next == null || next == at ? -1 : next;
            }
            if (subject == null) {
                if (relation == Relation.MAIN) {
                    subject = new int[] {0, t};
                } else {
                    subject = new int[] {-1, -1};
                }
            }
            Set<Flag> flags = flags(g, s, tokens, t, relation, markOf(g, t));
            int first = t;
            for (SemanticGraphEdge e : w == null ? List.<SemanticGraphEdge>of() : g.outgoingEdgeList(w)) {
                String r = e.getRelation().toString();
                int d = e.getDependent().index() - 1;
                if ((r.startsWith("aux") || r.equals("advmod") && words.negation().contains(s.lower(d))) && d < first) {
                    first = d;
                }
            }
            out.add(new Predicate(first, t, argsEnd(g, t, s.size()), s.lemma(t), relation, governor, subject[0], subject[1],
                    flags, conjunctionOf(g, s, t, relation)));
        }
        return out;
    }

    private boolean isPredicate(SemanticGraph g, List<CoreLabel> tokens, int i) {
        String tag = tokens.get(i).tag();
        String rel = relationOf(g, i);
        if (rel.equals("root")) {
            return true;
        }
        if (!tag.startsWith("VB") || words.notVerbs().contains(tokens.get(i).word().toLowerCase())) {
            return false;
        }
        return Set.of("conj", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "dep", "obl", "advmod",
                "nmod").contains(rel);
    }

    private Relation relation(String rel, String tag, String mark, Sentence s, int headOf) {
        return switch (rel) {
            case "root", "parataxis" -> Relation.MAIN;
            case "conj" -> Relation.COORDINATED;
            case "ccomp", "csubj", "dep" -> Relation.COMPLEMENT;
            case "xcomp" -> headOf >= 0 && words.actingAdjectives().contains(s.lower(headOf)) ? Relation.COORDINATED : Relation.INFINITIVE;
            case "advcl" -> mark != null ? (mark.equals("to") ? Relation.INFINITIVE : Relation.ADVERBIAL)
                    : tag.equals("VBG") || tag.equals("VBN") ? Relation.PARTICIPLE : Relation.ADVERBIAL;
            case "acl", "acl:relcl" -> Relation.RELATIVE;
            default -> Relation.PARTICIPLE;
        };
    }

    private static Integer nearestPredicate(SemanticGraph g, int token, Map<Integer, Integer> index) {
        int at = token;
        for (int guard = 0; guard < 50 && at >= 0; guard++) {
            if (index.containsKey(at)) {
                return index.get(at);
            }
            IndexedWord w = g.getNodeByIndexSafe(at + 1);
            IndexedWord parent = w == null ? null : g.getParent(w);
            at = parent == null ? -1 : parent.index() - 1;
        }
        return null;
    }

    private static String relationOf(SemanticGraph g, int i) {
        IndexedWord w = g.getNodeByIndexSafe(i + 1);
        if (w == null) {
            return "punct";
        }
        if (g.getRoots().contains(w)) {
            return "root";
        }
        SemanticGraphEdge in = g.incomingEdgeList(w).isEmpty() ? null : g.incomingEdgeList(w).get(0);
        return in == null ? "dep" : in.getRelation().toString();
    }

    private static String markOf(SemanticGraph g, int t) {
        IndexedWord w = g.getNodeByIndexSafe(t + 1);
        for (SemanticGraphEdge e : w == null ? List.<SemanticGraphEdge>of() : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals("mark")) {
                return e.getDependent().word().toLowerCase();
            }
        }
        return null;
    }

    /** The span of the subject's words: its nsubj (or nsubj:pass, csubj) subtree. */
    private static int[] subjectOf(SemanticGraph g, int t) {
        IndexedWord w = g.getNodeByIndexSafe(t + 1);
        for (SemanticGraphEdge e : w == null ? List.<SemanticGraphEdge>of() : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            if (r.startsWith("nsubj") || r.equals("csubj") || r.equals("expl")) {
                int min = Integer.MAX_VALUE;
                int max = -1;
                for (IndexedWord d : g.descendants(e.getDependent())) {
                    min = Math.min(min, d.index() - 1);
                    max = Math.max(max, d.index() - 1);
                }
                return new int[] {min, max + 1};
            }
        }
        return null;
    }

    /** The verb's own words and arguments, less the verbs coordinated after it. */
    private static int argsEnd(SemanticGraph g, int t, int size) {
        IndexedWord w = g.getNodeByIndexSafe(t + 1);
        if (w == null) {
            return size;
        }
        int end = t + 1;
        int cut = size;
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            if ((r.equals("conj") || r.equals("parataxis")) && d.index() - 1 > t) {
                int start = d.index() - 1;
                for (IndexedWord x : g.descendants(d)) {
                    start = Math.min(start, x.index() - 1);
                }
                cut = Math.min(cut, start);
                continue;
            }
            for (IndexedWord x : g.descendants(d)) {
                end = Math.max(end, x.index());
            }
        }
        return Math.min(Math.max(end, t + 1), cut);
    }

    private Set<Flag> flags(SemanticGraph g, Sentence s, List<CoreLabel> tokens, int t, Relation relation, String mark) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        IndexedWord w = g.getNodeByIndexSafe(t + 1);
        boolean be = false;
        for (SemanticGraphEdge e : w == null ? List.<SemanticGraphEdge>of() : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            String word = e.getDependent().word().toLowerCase();
            if (r.equals("aux") || r.equals("aux:pass")) {
                if (words.modal().contains(word)) {
                    flags.add(Flag.MODAL);
                } else if (words.future().contains(word)) {
                    flags.add(Flag.FUTURE);
                } else if (word.equals("has") || word.equals("have") || word.equals("'ve")) {
                    flags.add(Flag.PERFECT);
                } else if (word.equals("had") || word.equals("'d")) {
                    flags.add(Flag.PAST_PERFECT);
                } else if (s.lemma(e.getDependent().index() - 1).equals("be")) {
                    be = true;
                }
                if (r.equals("aux:pass") && !words.statePassives().contains(s.lower(t))) {
                    flags.add(Flag.PASSIVE);
                }
            } else if ((r.equals("advmod") || r.equals("neg")) && words.negation().contains(word) && !word.equals("no")) {
                flags.add(Flag.NEGATED);
            }
        }
        if (be && tokens.get(t).tag().equals("VBG")) {
            flags.add(Flag.PROGRESSIVE);
        }
        if (relation == Relation.ADVERBIAL && mark != null && words.conditional().contains(mark)) {
            flags.add(Flag.CONDITIONAL);
        }
        return flags;
    }

    private static String conjunctionOf(SemanticGraph g, Sentence s, int t, Relation relation) {
        IndexedWord w = g.getNodeByIndexSafe(t + 1);
        for (SemanticGraphEdge e : w == null ? List.<SemanticGraphEdge>of() : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            if (r.equals("cc") || r.equals("mark")) {
                return e.getDependent().word().toLowerCase();
            }
        }
        return relation == Relation.INFINITIVE ? "to" : null;
    }

    /** A Penn Treebank tag as a Universal Dependencies tag (auxiliaries by their relation). */
    static String universal(String ptb, String relation) {
        if (ptb == null) {
            return "X";
        }
        if (ptb.startsWith("VB")) {
            return relation.startsWith("aux") || relation.equals("cop") ? "AUX" : "VERB";
        }
        return switch (ptb) {
            case "NN", "NNS" -> "NOUN";
            case "NNP", "NNPS" -> "PROPN";
            case "MD" -> "AUX";
            case "JJ", "JJR", "JJS" -> "ADJ";
            case "RB", "RBR", "RBS", "WRB" -> "ADV";
            case "IN" -> relation.equals("mark") ? "SCONJ" : "ADP";
            case "CC" -> "CCONJ";
            case "CD" -> "NUM";
            case "DT", "PDT", "WDT" -> "DET";
            case "PRP", "PRP$", "WP", "WP$", "EX" -> "PRON";
            case "TO", "POS", "RP" -> "PART";
            case "UH" -> "INTJ";
            case "FW", "SYM", "LS" -> "X";
            default -> "PUNCT";
        };
    }
}

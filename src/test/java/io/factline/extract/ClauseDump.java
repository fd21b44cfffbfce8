package io.factline.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how the clause analyser reads a text: each sentence, its tagged tokens and its predicates.
 * A development aid: {@code java … io.factline.extract.ClauseDump FILE [first-sentence-count]}.
 */
public final class ClauseDump {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        ExtractionData data = ExtractionData.bundled();
        RuleBasedExtractor extractor = new RuleBasedExtractor(data);
        ShallowClauses clauses = new ShallowClauses(data.lexicon().clauseWords());
        VerbForms verbs = extractor.verbForms();
        int n = 0;
        for (TextBlocks.Block block : new TextBlocks(data.lexicon().boilerplate()).read(text).paragraphs()) {
            if (block.heading()) {
                continue;
            }
            for (int[] span : extractor.sentences(text, block.start(), block.end())) {
                if (n++ >= limit) {
                    return;
                }
                Sentence s = Nlp.analyse(text, span[0], span[1], verbs);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < s.size(); i++) {
                    b.append(i).append(':').append(s.words()[i]).append('/').append(s.tags()[i]).append(' ');
                }
                System.out.println("\n" + b);
                int k = 0;
                for (Predicate p : clauses.analyse(s)) {
                    System.out.printf("  [%d] %-12s %-11s gov=%-2d subj=%s args..%d %s %s%n", k++, s.words()[p.head()] + "(" + p.lemma() + ")",
                            p.relation(), p.governor(), p.subjectFrom() < 0 ? "-" : words(s, p.subjectFrom(), p.subjectTo()),
                            p.argsTo(), p.flags(), p.conjunction() == null ? "" : "conj=" + p.conjunction());
                }
            }
        }
    }

    private static String words(Sentence s, int from, int to) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = Math.max(0, from); i < Math.min(to, s.size()); i++) {
            b.append(i > from ? " " : "").append(s.words()[i]);
        }
        return b.append('"').toString();
    }
}

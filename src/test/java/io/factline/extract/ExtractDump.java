package io.factline.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the facts the extractor reads in a text, sentence by sentence (a development aid). */
public final class ExtractDump {

    public static void main(String[] args) throws Exception {
        String text = args[0].equals("-") ? new String(System.in.readAllBytes()) : Files.readString(Path.of(args[0]));
        String needle = args.length > 1 && !args[1].matches("\\d{4}-\\d{2}-\\d{2}") ? args[1] : null;
        java.time.LocalDate date = args.length > 1 && args[args.length - 1].matches("\\d{4}-\\d{2}-\\d{2}")
                ? java.time.LocalDate.parse(args[args.length - 1]) : null;
        List<FactDraft> drafts = RuleBasedExtractor.bundled().extract(new DocumentText(text, date, null));
        int last = -1;
        for (FactDraft d : drafts) {
            String sentence = text.substring(d.start(), d.end()).replaceAll("\\s+", " ");
            if (needle != null && !sentence.contains(needle)) {
                continue;
            }
            if (d.start() != last) {
                System.out.println("\n» " + (sentence.length() > 200 ? sentence.substring(0, 200) + "…" : sentence));
                last = d.start();
            }
            System.out.printf("   %-9s %-12s %-5s %s %s%n", d.type(), d.date().isKnown() ? d.date().start() : "-",
                    d.date().precision(), d.actors().stream().map(a -> a.actorId() + ":" + a.role()).toList(),
                    d.discovered().isEmpty() ? "" : "new " + d.discovered());
        }
    }
}

package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The turns of a transcript: a paragraph opening with a speaker's label in capitals ("PRESIDENT
 * YOON:", "SECRETARY BLINKEN:", "Q:") gives the floor to that speaker until the next label. A label
 * whose name the gazetteer knows resolves to that person; any other ("Q", "MODERATOR") to nobody.
 */
final class SpeakerTurns {

    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Z][A-Z.'’ -]{0,48}[A-Z.]|Q):\\s*");

    private final Gazetteer gazetteer;

    SpeakerTurns(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The length of the label at the start of the paragraph, or 0 when it has none. */
    static int labelLength(String paragraph) {
        Matcher m = LABEL.matcher(paragraph);
        return m.find() ? m.end() : 0;
    }

    /** Who speaks after this label, if the gazetteer knows them. */
    Optional<String> speaker(String paragraph, LocalDate day) {
        Matcher m = LABEL.matcher(paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] words = m.group(1).split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            String name = titleCase(words, i);
            List<Gazetteer.Surface> found = gazetteer.surfacesAt(name, 0, name.length());
            List<String> ids = new ArrayList<>();
            for (Gazetteer.Surface s : found) {
                if (s.text().length() == name.length() && s.kind() != Gazetteer.SurfaceKind.DEMONYM
                        && s.kind() != Gazetteer.SurfaceKind.NOT_AN_ACTOR) {
                    ids.addAll(s.actorIds());
                }
            }
            List<String> persons = ids.stream().filter(id -> gazetteer.actor(id).isPerson()).distinct().toList();
            if (persons.size() > 1 && day != null) {
                persons = persons.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
            }
            if (persons.size() == 1) {
                return Optional.of(persons.get(0));
            }
        }
        return Optional.empty();
    }

    private static String titleCase(String[] words, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            b.append(i > from ? " " : "").append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return b.toString();
    }
}

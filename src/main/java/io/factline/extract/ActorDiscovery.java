package io.factline.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.factline.domain.ActorKind;

/**
 * Actors the gazetteer lacks, found by the shape of their names: a person named after a title or
 * office ("Foreign Minister of Japan Motegi Toshimitsu", "U.S. Forces Korea Commander General Xavier
 * Brunson", "Ambassador Porter"), a body named with its acronym ("Multilateral Sanctions Monitoring
 * Team (MSMT)"), a company or body whose name ends in a word such names end in ("Hanwha Ocean",
 * "Korean Air", "LS Group"). Each is registered in the document's discourse with the state it acts
 * for where the text says so, and found again later by its name, acronym or surname.
 */
final class ActorDiscovery {

    private final Gazetteer gazetteer;
    private final Set<String> titles;
    private final Set<String> orgEndings;
    private final Set<String> notNames;
    private final Set<String> officeWords;
    private final Set<String> agentNouns;

    ActorDiscovery(Gazetteer gazetteer, ExtractionData.Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.orgEndings = Set.copyOf(lexicon.discovery().organisationEndings());
        Set<String> office = lexicon.discovery().officeWords().stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.titles = lexicon.titles().stream().flatMap(t -> List.of(t.split(" ")).stream())
                .map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !CONNECTORS.contains(t) && !office.contains(t))
                .collect(Collectors.toUnmodifiableSet());
        this.officeWords = Set.copyOf(lexicon.discovery().officeWords());
        this.agentNouns = lexicon.agentNouns().stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.notNames = lexicon.discovery().notNames().stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** New actors named in the sentence, registered in the discourse; their mentions, in text order. */
    List<Mention> find(Sentence s, List<Mention> known, Discourse discourse) {
        boolean[] taken = new boolean[s.size()];
        for (Mention m : known) {
            for (int i = 0; i < s.size(); i++) {
                if (s.tokenStarts()[i] < m.end() && m.start() < s.tokenEnds()[i]) { // "Trump’s" is Trump's token too
                    taken[i] = true;
                }
            }
        }
        for (int i = 0; i < s.size(); i++) { // "National Security Council": a name the gazetteer says is no actor
            for (Gazetteer.Surface surface : gazetteer.surfacesAt(s.documentText(), s.tokenStarts()[i], s.end())) {
                if (surface.kind() == Gazetteer.SurfaceKind.NOT_AN_ACTOR) {
                    int stop = s.tokenStarts()[i] + surface.text().length();
                    for (int k = i; k < s.size() && s.tokenStarts()[k] < stop; k++) {
                        taken[k] = true;
                    }
                }
            }
        }
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (taken[i] || !capitalized(s, i)) {
                continue;
            }
            int end = runEnd(s, i, taken);
            Mention m = acronymDefined(s, i, end, discourse);
            if (m == null) {
                m = titledPerson(s, i, end, taken, known, discourse);
            }
            if (m == null) {
                m = organisation(s, i, end, known, discourse);
            }
            if (m != null) {
                found.add(m);
                int last = s.tokenFrom(m.end());
                for (int k = i; k < last && k < s.size(); k++) {
                    taken[k] = true;
                }
                i = Math.max(i, last - 1);
            } else {
                i = end - 1;
            }
        }
        return found;
    }

    /** The end (exclusive) of a run of capitalized words joined by "of", "and", "&", "for", "on". */
    private int runEnd(Sentence s, int from, boolean[] taken) {
        int i = from;
        while (i < s.size()) {
            if (capitalized(s, i) && !taken[i]) {
                i++;
            } else if (i > from && i + 1 < s.size() && CONNECTORS.contains(s.lower(i)) && capitalized(s, i + 1) && !taken[i + 1]) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static final Set<String> CONNECTORS = Set.of("of", "and", "&", "for", "on", "de");

    /** "Multilateral Sanctions Monitoring Team (MSMT)": a name whose initials its acronym in brackets spells. */
    private Mention acronymDefined(Sentence s, int from, int end, Discourse discourse) {
        if (end + 2 >= s.size() || !s.words()[end].equals("(") || !s.words()[end + 2].equals(")")) {
            return null;
        }
        String acronym = s.words()[end + 1];
        if (!acronym.matches("[A-Z][A-Z0-9&-]{1,9}s?") || gazetteer.actor(slug(acronym)) != null) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        for (int i = from; i < end; i++) {
            if (!CONNECTORS.contains(s.lower(i)) && !s.lower(i).equals("the")) {
                initials.append(Character.toUpperCase(s.words()[i].charAt(0)));
            }
        }
        String letters = acronym.replaceAll("[^A-Z]", "");
        if (initials.length() < 2 || !(initials.toString().equals(letters) || initials.toString().contains(letters))) {
            return null;
        }
        int start = s.lower(from).equals("the") ? from + 1 : from;
        return register(s, start, end, ActorKind.ORGANISATION, null, acronym, discourse);
    }

    /**
     * A person named right after a title or office, past "of" and a state ("Foreign Minister of the
     * Republic of Korea Cho Hyun"); the state is the one named with the title, or whose body or
     * demonym comes before it.
     */
    private Mention titledPerson(Sentence s, int from, int end, boolean[] taken, List<Mention> known, Discourse discourse) {
        int title = -1;
        for (int i = from; i < end; i++) {
            if (titles.contains(s.lower(i))) {
                title = i;
            }
        }
        if (title < 0) {
            return null;
        }
        int nameStart = title + 1;
        String state = stateBefore(s, from, known, discourse);
        while (nameStart < s.size() && (s.lower(nameStart).equals("of") || s.lower(nameStart).equals("the") || taken[nameStart]
                || officeWords.contains(s.words()[nameStart]) && nameStart > title + 1 || titles.contains(s.lower(nameStart)))) {
            if (taken[nameStart]) {
                String st = stateAt(s, nameStart, known, discourse);
                if (st == null) {
                    return null; // the title of someone the gazetteer knows: "Secretary of State Dean Acheson"
                }
                state = st;
            }
            nameStart++;
        }
        if (nameStart + 2 < s.size() && s.words()[nameStart].equals("(") && s.words()[nameStart + 2].equals(")")
                && capitalized(s, nameStart + 1) && !taken[nameStart + 1] && !s.words()[nameStart + 1].equals(s.words()[nameStart + 1].toUpperCase(Locale.ROOT))) { // "Secretary General of Presidency (Kim)": the office first, the name after
            String office = s.documentText().substring(s.tokenStarts()[title], s.tokenEnds()[title]);
            int officeStart = title;
            while (officeStart > from && titles.contains(s.lower(officeStart - 1))) {
                officeStart--;
            }
            office = s.documentText().substring(s.tokenStarts()[officeStart], s.tokenEnds()[title]);
            return register(s, nameStart + 1, nameStart + 2, ActorKind.PERSON, state, office, discourse);
        }
        int nameEnd = nameStart;
        while (nameEnd < s.size() && nameEnd < nameStart + 3 && capitalized(s, nameEnd) && !taken[nameEnd]
                && !titles.contains(s.lower(nameEnd)) && !notNames.contains(s.lower(nameEnd))
                && s.tags()[nameEnd].matches("PROPN.*|NOUN.*|ADJ.*|X.*|VERB.*")) {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd < s.size() && capitalized(s, nameEnd) && !notNames.contains(s.lower(nameEnd))) {
            return null; // the name goes on into a word or a name already known: "President Harry Truman"
        }
        if (nameEnd - nameStart == 1 && s.words()[nameStart].length() < 3) {
            return null;
        }
        return register(s, nameStart, nameEnd, ActorKind.PERSON, state, null, discourse);
    }

    /** "Hanwha Ocean", "Korean Air", "ROK Air Force", "Centrus Energy Corp": a name ending in a word names of bodies end in. */
    private Mention organisation(Sentence s, int from, int end, List<Mention> known, Discourse discourse) {
        int last = end - 1;
        if (last < from || !orgEndings.contains(s.words()[last].replaceAll("[.,]$", ""))) {
            return null;
        }
        int start = from;
        while (start < last && notNames.contains(s.lower(start))) {
            start++;
        }
        if (start == last && !stateBeforeRun(s, start, known, discourse)) {
            return null; // "Administration", "Command" alone name no one
        }
        int tokenBefore = start - 1;
        String state = tokenBefore >= 0 ? stateAt(s, tokenBefore, known, discourse) : null;
        String phrase = s.documentText().substring(s.tokenStarts()[start], s.tokenEnds()[end - 1]).toLowerCase(Locale.ROOT);
        if (state != null && agentNouns.contains(phrase)) { // "Japan's Defense Ministry": the state's own organ
            return new Mention(s.tokenStarts()[start], s.tokenEnds()[end - 1], List.of(state), Mention.Via.DEMONYM);
        }
        if (state != null && s.tokenEnds()[tokenBefore] + 1 == s.tokenStarts()[start]
                && Character.isUpperCase(s.words()[tokenBefore].charAt(0)) && !s.words()[tokenBefore].matches(".*[’']s")) {
            start = tokenBefore; // "ROK Air Force", "Korea Gas Corporation": the state's name is part of the body's
        }
        return register(s, start, end, ActorKind.ORGANISATION, state, null, discourse);
    }

    /** "ROK Army": a state's own name right before the run (not a person's: "Biden Administration"). */
    private static boolean stateBeforeRun(Sentence s, int start, List<Mention> known, Discourse discourse) {
        return start > 0 && !s.words()[start - 1].matches(".*[’']s") && known.stream().anyMatch(m -> m.end() == s.tokenEnds()[start - 1]
                && m.actorIds().size() == 1 && discourse.actor(m.actorIds().get(0)) != null
                && discourse.actor(m.actorIds().get(0)).isState());
    }

    /** A state named before the run: a known state, a demonym before an office, or a body that stands for one. */
    private String stateBefore(Sentence s, int from, List<Mention> known, Discourse discourse) {
        for (int i = from - 1; i >= 0 && i >= from - 4; i--) {
            String st = stateAt(s, i, known, discourse);
            if (st != null) {
                return st;
            }
        }
        return null;
    }

    private static String stateAt(Sentence s, int token, List<Mention> known, Discourse discourse) {
        for (Mention m : known) {
            if (s.tokenStarts()[token] < m.end() && m.start() < s.tokenEnds()[token] && m.actorIds().size() == 1) {
                String side = discourse.sideOf(m.actorIds().get(0));
                ExtractionData.Actor a = discourse.actor(side);
                if (a != null && a.isState()) {
                    return side;
                }
            }
        }
        return null;
    }

    private Mention register(Sentence s, int from, int end, ActorKind kind, String state, String alias, Discourse discourse) {
        int start = s.tokenStarts()[from];
        int stop = s.tokenEnds()[end - 1];
        String name = s.documentText().substring(start, stop).replaceAll("\\s+", " ").replaceAll("[’']s$", "");
        String slug = slug(name);
        if (slug.isEmpty()) {
            return null;
        }
        var known = gazetteer.bySlug(slug);
        if (known.isPresent()) { // spelled otherwise than the gazetteer has it: "U.S. Forces Korea" split apart
            return new Mention(start, stop, List.of(known.get()), Mention.Via.NAME);
        }
        String id = discourse.discoveredId(slug, kind == ActorKind.PERSON && !name.contains(" "));
        String[] parts = name.split(" ");
        String surname = kind == ActorKind.PERSON && parts.length > 1 ? parts[parts.length - 1] : null;
        DiscoveredActor actor = new DiscoveredActor(id, name, kind, state, alias, start, stop);
        discourse.discovered(actor, new ExtractionData.Actor(id, name, kind.name(), alias == null ? List.of() : List.of(alias),
                null, surname, null, List.of(), List.of(), state, null));
        return new Mention(start, stop, List.of(id), Mention.Via.NAME);
    }

    private static boolean capitalized(Sentence s, int i) {
        String w = s.words()[i];
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !s.tags()[i].startsWith("PUNCT")
                && !s.tags()[i].startsWith("DET") && !s.tags()[i].startsWith("PRON") && !s.tags()[i].startsWith("ADP")
                && !s.tags()[i].startsWith("CCONJ") && !s.tags()[i].startsWith("NUM");
    }

    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}

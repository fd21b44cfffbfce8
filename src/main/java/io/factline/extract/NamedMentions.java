package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.factline.extract.ExtractionData.Lexicon;
import io.factline.extract.Gazetteer.Surface;
import io.factline.extract.Gazetteer.SurfaceKind;

/**
 * The actors a sentence names: names and aliases of the gazetteer (the longest wins), surnames after
 * a title or once named in full (the date settles namesakes), demonyms before agents ("South Korean
 * officials"), offices with no name after them ("the South Korean president": who held it then),
 * and actors discovered earlier in the document, met again.
 */
final class NamedMentions {

    private final Gazetteer gazetteer;
    private final Set<String> agentNouns;
    private final Set<String> agentModifiers;
    private final Set<String> titles;

    NamedMentions(Gazetteer gazetteer, Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.agentNouns = Sentence.lowerCased(lexicon.agentNouns());
        this.agentModifiers = Sentence.lowerCased(lexicon.agentModifiers());
        this.titles = Set.copyOf(lexicon.titles());
    }

    /** The named mentions of the sentence, in text order. */
    List<Mention> find(Sentence s, Discourse discourse, LocalDate day) {
        List<Mention> named = new ArrayList<>(names(s, discourse, day));
        named.addAll(discoveredBefore(s, named, discourse));
        named.addAll(shortNames(s, named, discourse));
        named.sort(Comparator.comparingInt(Mention::start));
        return named;
    }

    /** Words of an agent after a name: "officials", "foreign ministry", "senior". */
    boolean isAgentWord(String lower) {
        return agentNouns.contains(lower) || agentModifiers.contains(lower)
                || agentNouns.stream().anyMatch(n -> n.endsWith(" " + lower) || n.startsWith(lower + " "));
    }

    /**
     * Actors discovered earlier in the document, met again: by name, acronym, or surname (after a
     * title, or when no other person discovered shares it).
     */
    private List<Mention> discoveredBefore(Sentence s, List<Mention> named, Discourse discourse) {
        String text = s.documentText();
        List<Mention> out = new ArrayList<>();
        for (ExtractionData.Actor a : discourse.discoveredActors()) {
            List<String> surfaces = new ArrayList<>();
            surfaces.add(a.name());
            surfaces.addAll(a.aliases());
            if (a.surname() != null) {
                surfaces.add(a.surname());
            }
            for (String surface : surfaces) {
                String sentence = text.substring(s.start(), s.end());
                for (int found = sentence.indexOf(surface), at = s.start() + found; found >= 0;
                     found = sentence.indexOf(surface, found + 1), at = s.start() + found) {
                    int end = at + surface.length();
                    boolean bounded = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                            && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                    int from = at;
                    if (bounded && !covered(named, at) && !covered(out, at)) {
                        out.add(new Mention(from, end, List.of(a.id()), surface.equals(a.surname()) ? Mention.Via.SURNAME : Mention.Via.NAME));
                    }
                }
            }
        }
        return out;
    }

    /** "the Council", "the Commission": the body named before whose name ends in that word. */
    private static List<Mention> shortNames(Sentence s, List<Mention> named, Discourse discourse) {
        List<Mention> out = new ArrayList<>();
        for (int i = 1; i < s.size(); i++) {
            String w = s.words()[i];
            if (s.lower(i - 1).equals("the") && Character.isUpperCase(w.charAt(0)) && !covered(named, s.tokenStarts()[i])
                    && (i + 1 >= s.size() || !Character.isUpperCase(s.words()[i + 1].charAt(0)))) {
                int from = s.tokenStarts()[i - 1];
                int to = s.tokenEnds()[i];
                discourse.bodyEndingIn(w).ifPresent(id -> out.add(new Mention(from, to, List.of(id), Mention.Via.DESCRIPTION)));
            }
        }
        return out;
    }

    private static boolean covered(List<Mention> mentions, int offset) {
        for (Mention m : mentions) {
            if (offset >= m.start() && offset < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** Names, aliases, surnames, demonyms and offices: the longest surface wins where they overlap. */
    private List<Mention> names(Sentence s, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        record Candidate(int start, int end, Surface surface) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = s.start(); i < s.end(); i++) {
            if (i > s.start() && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            for (Surface surface : gazetteer.surfacesAt(text, i, s.end())) {
                candidates.add(new Candidate(i, i + surface.text().length(), surface));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
                .thenComparingInt(Candidate::start));
        List<Mention> chosen = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (Candidate c : candidates) {
            if (taken.stream().anyMatch(t -> c.start() < t[1] && t[0] < c.end())) {
                continue;
            }
            Mention m = switch (c.surface().kind()) {
                case NAME -> new Mention(c.start(), c.end(), c.surface().actorIds(), Mention.Via.NAME);
                case SURNAME -> surname(s, c.start(), c.end(), c.surface().actorIds(), discourse, day);
                case DEMONYM -> demonym(s, c.start(), c.end(), c.surface().actorIds(), day);
                case NOT_AN_ACTOR -> null;
            };
            if (m != null) {
                chosen.add(m);
                taken.add(new int[] {m.start(), m.end()});
            } else if (c.surface().kind() == SurfaceKind.NOT_AN_ACTOR) {
                taken.add(new int[] {c.start(), c.end()}); // the longer name wins and names no one
            }
        }
        chosen.sort(Comparator.comparingInt(Mention::start));
        return chosen;
    }

    /** A bare surname counts after a title or once the person was named in full; the date settles who. */
    private Mention surname(Sentence s, int start, int end, List<String> candidates, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        if (start > 0 && text.charAt(start - 1) == '(' && end < text.length() && text.charAt(end) == ')') {
            return null; // "Secretary General of Presidency (Kim)": the office's holder, named in brackets, not a namesake
        }
        int next = s.tokenFrom(end);
        if (next < s.size() && s.tokenStarts()[next] == end + 1 && s.tags()[next].startsWith("PROPN")
                && Character.isUpperCase(s.words()[next].charAt(0))) {
            return null; // "Kim Jong-nam": a full name the gazetteer does not hold, not "Kim"
        }
        boolean titled = titleBefore(s.documentText(), s.start(), start);
        List<String> known = candidates.stream().filter(discourse::wasNamed).toList();
        List<String> pick;
        if (known.size() == 1) {
            pick = known;
        } else if (!titled && known.isEmpty()) {
            int prev = s.tokenAt(start) - 1;
            if (prev >= 0 && Character.isUpperCase(s.words()[prev].charAt(0)) && !s.tags()[prev].startsWith("PUNCT")
                    && prev > 0) {
                return null; // "Central Park": part of another name
            }
            // a bare "Park" in a 2015 story: the one namesake in office then, if exactly one
            List<String> serving = day == null ? List.of() : candidates.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
            if (serving.size() != 1) {
                return null;
            }
            pick = serving;
        } else {
            List<String> pool = known.isEmpty() ? candidates : known;
            List<String> serving = day == null ? List.of() : pool.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
            pick = serving.size() == 1 ? serving : pool.size() == 1 ? pool : List.of();
        }
        return pick.isEmpty() ? null : new Mention(start, end, pick, Mention.Via.SURNAME);
    }

    private boolean titleBefore(String text, int sentenceStart, int at) {
        String before = text.substring(Math.max(sentenceStart, at - 24), at).stripTrailing();
        for (String title : titles) {
            if (before.endsWith(title) && (before.length() == title.length()
                    || !Character.isLetter(before.charAt(before.length() - title.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "South Korean and American officials", "Chinese and Russian leaders": a demonym names its state
     * when agents follow it; "the South Korean president", with no name after, is who held the office.
     */
    private Mention demonym(Sentence s, int start, int end, List<String> stateIds, LocalDate day) {
        String text = s.documentText();
        if (start > s.start() && text.charAt(start - 1) == '-' && start - 2 >= s.start()
                && Character.isLowerCase(text.charAt(start - 2))) {
            return null; // "inter-Korean", "anti-American"
        }
        int i = s.tokenFrom(end);
        while (i < s.size()) {
            String w = s.lower(i);
            String two = i + 1 < s.size() ? w + " " + s.lower(i + 1) : "";
            if (!two.isEmpty() && agentNouns.contains(two)) {
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            int officeTokens = officeAt(s, i);
            if (officeTokens > 0) {
                if (formerBefore(s, start)) {
                    return null; // "the former American president" is neither today's holder nor the state
                }
                String office = text.substring(s.tokenStarts()[i], s.tokenEnds()[i + officeTokens - 1]);
                int after = i + officeTokens;
                boolean nameFollows = after < s.size() && Character.isUpperCase(s.words()[after].charAt(0))
                        && s.tags()[after].startsWith("PROPN");
                if (!nameFollows && day != null && stateIds.size() == 1 && !formerBefore(s, start)) {
                    var holder = gazetteer.holder(gazetteer.office(office).orElseThrow(), stateIds.get(0), day);
                    if (holder.isPresent()) {
                        return new Mention(start, s.tokenEnds()[after - 1], List.of(holder.get()), Mention.Via.OFFICE);
                    }
                }
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            if (agentNouns.contains(w)) {
                return new Mention(start, end, stateIds, Mention.Via.DEMONYM);
            }
            if (!(agentModifiers.contains(w) || w.equals(",") || w.equals("-") || isDemonymWord(s, i))) {
                return null;
            }
            i++;
        }
        return null;
    }

    /** How many tokens from i name an office ("Secretary of State": 3), or 0. */
    private int officeAt(Sentence s, int i) {
        for (int n = Math.min(gazetteer.longestOfficePhrase() + 2, s.size() - i); n >= 1; n--) {
            String phrase = s.documentText().substring(s.tokenStarts()[i], s.tokenEnds()[i + n - 1]);
            if (gazetteer.office(phrase).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    /** "the former American president", "the late South Korean leader": not who held it then. */
    private static boolean formerBefore(Sentence s, int start) {
        int tok = s.tokenAt(start);
        if (tok <= 0) {
            return false;
        }
        String w = s.lower(tok - 1);
        return w.equals("former") || w.equals("late") || w.equals("ex") || w.equals("then-former");
    }

    private boolean isDemonymWord(Sentence s, int i) {
        String text = s.documentText();
        return gazetteer.surfacesAt(text, s.tokenStarts()[i], s.end()).stream()
                .anyMatch(x -> x.kind() == SurfaceKind.DEMONYM)
                || s.words()[i].equals("South") || s.words()[i].equals("North") || s.words()[i].equals("Korean");
    }
}

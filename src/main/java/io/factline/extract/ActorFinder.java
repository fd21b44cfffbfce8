package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.factline.extract.ExtractionData.Lexicon;

/** Finds the actors a sentence names, and resolves the ones it only points at, in text order. */
final class ActorFinder {

    private final Gazetteer gazetteer;
    private final NamedMentions names;
    private final Map<String, String> pronouns;
    private final Set<String> groupPronouns;
    private final Map<String, String> descriptions;
    private final Set<String> jointSubjects;
    private final Map<String, List<String>> fixedGroups;
    private final Principals principals;
    private final ActorDiscovery discovery;
    private final Set<String> notNames;

    ActorFinder(Gazetteer gazetteer, Lexicon lexicon, List<String> jointSubjects) {
        this.gazetteer = gazetteer;
        this.names = new NamedMentions(gazetteer, lexicon);
        this.pronouns = lexicon.pronouns();
        this.groupPronouns = Sentence.lowerCased(lexicon.groupPronouns());
        this.descriptions = lexicon.definiteDescriptions();
        this.jointSubjects = Sentence.lowerCased(jointSubjects);
        this.fixedGroups = new java.util.HashMap<>();
        lexicon.fixedGroups().forEach((phrase, ids) -> fixedGroups.put(phrase.toLowerCase(Locale.ROOT), ids));
        this.principals = new Principals(gazetteer, lexicon.groupNouns());
        this.discovery = new ActorDiscovery(gazetteer, lexicon);
        this.notNames = new java.util.HashSet<>(lexicon.discovery().notNames());
        this.notNames.addAll(lexicon.discovery().notSignatures());
    }

    List<Mention> find(Sentence s, Discourse discourse, LocalDate day) {
        String text = s.documentText();
        List<Mention> named = new ArrayList<>(names.find(s, discourse, day));
        named.addAll(discovery.find(s, named, discourse));
        named.sort(Comparator.comparingInt(Mention::start));
        List<Mention> all = new ArrayList<>(governments(s, named, discourse));
        for (int i = 0; i < s.size(); i++) {
            int at = s.tokenStarts()[i];
            if (covered(all, at)) {
                continue;
            }
            String w = s.lower(i);
            String gender = pronouns.get(w);
            if (gender != null && s.tags()[i].startsWith("PRON")) {
                add(all, at, s.tokenEnds()[i], discourse.person(gender), Mention.Via.PRONOUN);
            } else if (groupPronouns.contains(w) && isClauseStart(s, i) && i + 1 < s.size() && s.isVerb(i + 1)) {
                add(all, at, s.tokenEnds()[i], discourse.group(), Mention.Via.PRONOUN);
            } else if (discourse.speaker() != null && s.words()[i].equals("President") && i > 0
                    && (s.lower(i - 1).equals("the") || s.lower(i - 1).equals("mr.")) && (i + 1 >= s.size() || !s.tags()[i + 1].startsWith("PROPN"))) {
                add(all, at, s.tokenEnds()[i], principals.interlocutor(discourse, day), Mention.Via.DESCRIPTION); // "the President and I"
            } else if (w.equals("i") && s.words()[i].equals("I") && (discourse.speaker() != null || discourse.author() != null)) {
                add(all, at, s.tokenEnds()[i], List.of(discourse.speaker() != null ? discourse.speaker() : discourse.author()),
                        Mention.Via.PRONOUN);
            } else if (w.equals("we") && !s.words()[i].equals("WE")) {
                int end = principals.appositiveLeaders(s, i, discourse, day, all);
                add(all, at, s.tokenEnds()[end], discourse.we(), Mention.Via.PRONOUN);
                i = end;
            } else if (w.equals("they") && isClauseStart(s, i)) {
                List<String> earlier = principals.sameKindBefore(all, at, discourse);
                add(all, at, s.tokenEnds()[i], earlier.size() >= 2 ? earlier : discourse.they(), Mention.Via.PRONOUN);
            } else {
                int end = principals.groupDescription(s, i);
                if (end > i) { // "the Leaders", "The Secretary and the Foreign Ministers", "our two nations"
                    boolean people = principals.peopleGroup(s, i, end);
                    int count = principals.countIn(s, i, end);
                    add(all, at, s.tokenEnds()[end - 1], principals.group(discourse, all, at, people, count), Mention.Via.DESCRIPTION);
                    i = end - 1;
                    continue;
                }
                for (int n = 3; n >= 2; n--) { // multi-word descriptions: "the two Koreas", "the party"
                    if (i + n > s.size()) {
                        continue;
                    }
                    String phrase = text.substring(at, s.tokenEnds()[i + n - 1]).toLowerCase(Locale.ROOT);
                    List<String> group = fixedGroups.get(phrase);
                    if (group != null) {
                        add(all, at, s.tokenEnds()[i + n - 1], group, Mention.Via.NAME);
                        break;
                    }
                    if (jointSubjects.contains(phrase)) {
                        boolean people = phrase.contains("leader") || phrase.contains("president");
                        int count = phrase.contains("three") ? 3 : 2;
                        add(all, at, s.tokenEnds()[i + n - 1], principals.group(discourse, all, at, people, count), Mention.Via.DESCRIPTION);
                        break;
                    }
                    String kind = descriptions.get(phrase);
                    if ("PARTY".equals(kind)) {
                        add(all, at, s.tokenEnds()[i + n - 1], discourse.party(), Mention.Via.DESCRIPTION);
                        break;
                    }
                }
            }
        }
        all.sort(Comparator.comparingInt(Mention::start));
        return all;
    }

    /** A signature line that reads as a name: no word of it is furniture or a word that never names ("Related Links"). */
    boolean looksLikeAName(String line) {
        for (String w : line.strip().split("\\s+")) {
            if (notNames.contains(w) || notNames.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The person a signature line names ("Porter" at the foot of a telegram): the gazetteer's, if it
     * knows exactly one such person, else a person discovered there.
     */
    String signatory(String text, int start, int end, Discourse discourse, LocalDate day) {
        String name = text.substring(start, end).strip();
        List<String> ids = new ArrayList<>();
        for (Gazetteer.Surface surface : gazetteer.surfacesAt(name, 0, name.length())) {
            if (surface.text().length() == name.length()) {
                surface.actorIds().stream().filter(id -> gazetteer.actor(id).isPerson()).forEach(ids::add);
            }
        }
        if (ids.size() > 1 && day != null) {
            ids = ids.stream().filter(id -> gazetteer.inOffice(id, day)).toList();
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        String slug = ActorDiscovery.slug(name);
        if (slug.isEmpty() || gazetteer.bySlug(slug).isPresent()) {
            return null;
        }
        String id = discourse.discoveredId(slug, !name.contains(" "));
        int from = start + text.substring(start, end).indexOf(name);
        DiscoveredActor actor = new DiscoveredActor(id, name, io.factline.domain.ActorKind.PERSON, null, null, from, from + name.length());
        String[] parts = name.split(" ");
        discourse.discovered(actor, new ExtractionData.Actor(id, name, "PERSON", List.of(), null, parts[parts.length - 1], null,
                List.of(), List.of(), null, null));
        return id;
    }

    private static final Set<String> CLAUSE_OPENERS = Set.of("and", "but", "so", "where", "when", "while", "as", "after",
            "before", "because", "although", "though", "if", "since", "until", "once", "whereas");

    private static final java.util.Set<String> GOVERNMENTS = java.util.Set.of("administration", "government", "cabinet");

    /** "the Biden administration", "the Takaichi government": the state the person leads, not the person. */
    private static List<Mention> governments(Sentence s, List<Mention> named, Discourse discourse) {
        List<Mention> out = new ArrayList<>(named.size());
        for (Mention m : named) {
            int next = s.tokenFrom(m.end());
            ExtractionData.Actor a = m.actorIds().size() == 1 ? discourse.actor(m.actorIds().get(0)) : null;
            if (a != null && a.isPerson() && next < s.size() && GOVERNMENTS.contains(s.lower(next))) {
                String side = discourse.sideOf(a.id());
                ExtractionData.Actor state = discourse.actor(side);
                if (state != null && state.isState()) {
                    out.add(new Mention(m.start(), s.tokenEnds()[next], List.of(side), Mention.Via.DEMONYM));
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static boolean isClauseStart(Sentence s, int i) {
        return i == 0 || s.words()[i - 1].equals(",") || s.words()[i - 1].equals(";") || s.lower(i - 1).equals("that")
                || CLAUSE_OPENERS.contains(s.lower(i - 1)) || s.tags()[i - 1].startsWith("SCONJ");
    }

    private static void add(List<Mention> all, int start, int end, List<String> ids, Mention.Via via) {
        if (!ids.isEmpty()) {
            all.add(new Mention(start, end, ids, via));
        }
    }

    private static boolean covered(List<Mention> mentions, int offset) {
        for (Mention m : mentions) {
            if (offset >= m.start() && offset < m.end()) {
                return true;
            }
        }
        return false;
    }
}

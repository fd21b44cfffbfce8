package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.factline.extract.ExtractionData.Actor;
import io.factline.extract.ExtractionData.Term;

/**
 * The actors the extractor knows, indexed for lookup: surfaces (names, aliases, demonyms) in a
 * character trie, surnames, and the offices each state's people held over time.
 */
final class Gazetteer {

    enum SurfaceKind { NAME, SURNAME, DEMONYM, NOT_AN_ACTOR }

    record Surface(String text, SurfaceKind kind, List<String> actorIds) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        final List<Surface> surfaces = new ArrayList<>(1);
    }

    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final Node root = new Node();
    private final Map<String, List<String>> bySurname = new HashMap<>();
    private final Map<String, String> officeByPhrase = new HashMap<>();
    private final List<Term> terms;
    private int longestOfficePhrase;

    Gazetteer(ExtractionData data) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, List<String>> demonyms = new LinkedHashMap<>();
        for (Actor a : data.actors()) {
            actors.put(a.id(), a);
            slugs.putIfAbsent(a.id(), a.id());
            slugs.putIfAbsent(ActorDiscovery.slug(a.name()), a.id());
            a.aliases().forEach(alias -> slugs.putIfAbsent(ActorDiscovery.slug(alias), a.id()));
            names.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.id());
            if (a.isPerson()) {
                koreanSpellings(a.name()).forEach(v -> names.computeIfAbsent(v, k -> new ArrayList<>()).add(a.id()));
                String[] parts = a.name().split(" ");
                if (parts.length == 3 && parts[1].matches("\\p{Lu}\\.")) { // "Harry S. Truman" is also "Harry Truman"
                    names.computeIfAbsent(parts[0] + " " + parts[2], k -> new ArrayList<>()).add(a.id());
                }
                if (parts.length == 2) { // "Kishida Fumio": family name first, as East Asian names are often written
                    names.computeIfAbsent(parts[1] + " " + parts[0], k -> new ArrayList<>()).add(a.id());
                }
            }
            a.aliases().forEach(alias -> names.computeIfAbsent(alias, k -> new ArrayList<>()).add(a.id()));
            a.demonyms().forEach(d -> demonyms.computeIfAbsent(d, k -> new ArrayList<>()).add(a.id()));
            if (a.isPerson() && a.surname() != null) {
                bySurname.computeIfAbsent(a.surname(), k -> new ArrayList<>()).add(a.id());
            }
        }
        names.forEach((text, ids) -> {
            List<String> distinct = ids.stream().distinct().toList();
            boolean ambiguousSurname = bySurname.getOrDefault(text, List.of()).size() > 1;
            add(new Surface(text, ambiguousSurname || distinct.size() > 1 ? SurfaceKind.SURNAME : SurfaceKind.NAME,
                    ambiguousSurname ? bySurname.get(text) : distinct));
        });
        bySurname.forEach((surname, ids) -> {
            if (!names.containsKey(surname)) {
                add(new Surface(surname, SurfaceKind.SURNAME, ids));
            }
        });
        demonyms.forEach((text, ids) -> add(new Surface(text, SurfaceKind.DEMONYM, ids)));
        // names that contain an actor's alias but are not the actor ("National Security Council")
        data.lexicon().notActors().forEach(text -> add(new Surface(text, SurfaceKind.NOT_AN_ACTOR, List.of())));
        data.offices().offices().forEach((office, phrases) -> phrases.forEach(p -> {
            officeByPhrase.put(p.toLowerCase(Locale.ROOT), office);
            longestOfficePhrase = Math.max(longestOfficePhrase, p.split(" ").length);
        }));
        this.terms = data.offices().terms();
    }

    /** "Kim Jong Un", "Kim Jong-un", "Kim Jong-Un" and "Moon Jae-in", "Moon Jae In" are spelled either way. */
    static List<String> koreanSpellings(String name) {
        String[] parts = name.split(" ");
        List<String> out = new ArrayList<>();
        if (parts.length == 3 && !parts[2].contains("-") && Character.isUpperCase(parts[2].charAt(0))) {
            String given = parts[2];
            out.add(parts[0] + " " + parts[1] + "-" + given.toLowerCase(Locale.ROOT));
            out.add(parts[0] + " " + parts[1] + "-" + given);
            out.add(parts[0] + " " + parts[1] + given.toLowerCase(Locale.ROOT));
        } else if (parts.length == 2 && parts[1].matches("\\p{Lu}\\p{Ll}+-\\p{L}+")) {
            String[] given = parts[1].split("-");
            String second = Character.toUpperCase(given[1].charAt(0)) + given[1].substring(1);
            out.add(parts[0] + " " + given[0] + " " + second);
            out.add(parts[0] + " " + given[0] + "-" + second);
            out.add(parts[0] + " " + given[0] + given[1].toLowerCase(Locale.ROOT));
        }
        out.remove(name);
        return out;
    }

    private void add(Surface surface) {
        Node n = root;
        for (char c : surface.text().toCharArray()) {
            n = n.next.computeIfAbsent(c, k -> new Node());
        }
        n.surfaces.add(surface);
    }

    Actor actor(String id) {
        return actors.get(id);
    }

    /** The actor whose name or alias has this slug ("u-s-forces-korea" is U.S. Forces Korea), if any. */
    Optional<String> bySlug(String slug) {
        return Optional.ofNullable(slugs.get(slug));
    }

    /** Every surface that matches text at position i and ends at a word boundary, longest last. */
    List<Surface> surfacesAt(String text, int i, int limit) {
        List<Surface> found = new ArrayList<>(2);
        Node n = root;
        for (int j = i; j < limit; j++) {
            n = n.next.get(text.charAt(j));
            if (n == null) {
                break;
            }
            if (!n.surfaces.isEmpty() && (j + 1 >= limit || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                found.addAll(n.surfaces);
            }
        }
        return found;
    }

    /** The office named by a phrase ("Secretary of State", "president"), if it is one. */
    Optional<String> office(String phrase) {
        return Optional.ofNullable(officeByPhrase.get(phrase.toLowerCase(Locale.ROOT)));
    }

    int longestOfficePhrase() {
        return longestOfficePhrase;
    }

    /** Who held the office for the state on the day. */
    Optional<String> holder(String office, String stateId, LocalDate day) {
        return terms.stream().filter(t -> t.office().equals(office) && t.of().equals(stateId) && t.covers(day))
                .map(Term::holder).findFirst();
    }

    /**
     * The side an actor stands for in an agreement: a state itself, a person their state (as given,
     * else from the offices they held), anyone else themselves.
     */
    String sideOf(String actorId) {
        Actor a = actors.get(actorId);
        if (a == null || a.isState()) {
            return actorId;
        }
        if (a.state() != null) {
            return a.state();
        }
        return terms.stream().filter(t -> t.holder().equals(actorId)).map(Term::of).findFirst().orElse(actorId);
    }

    /** Whether the person held the office on the day. */
    boolean holds(String personId, String office, LocalDate day) {
        return terms.stream().anyMatch(t -> t.holder().equals(personId) && t.office().equals(office) && t.covers(day));
    }

    /** Whether the person held any listed office on the day. */
    boolean inOffice(String personId, LocalDate day) {
        return terms.stream().anyMatch(t -> t.holder().equals(personId) && t.covers(day));
    }
}

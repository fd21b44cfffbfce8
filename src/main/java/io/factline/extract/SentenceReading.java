package io.factline.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.factline.domain.FactActor;
import io.factline.domain.FactDate;
import io.factline.domain.FactType;
import io.factline.domain.Role;
import io.factline.extract.DateFinder.DateMention;

/** Reads one sentence: its dates, actors, clauses and triggers become fact drafts; the discourse moves on. */
final class SentenceReading {

    private final RuleBasedExtractor pipeline;
    private final Sentence s;
    private final Discourse discourse;
    private final String text;
    private List<DateMention> dateMentions;
    private List<Mention> mentions;
    private final Set<DateMention> complementDates = new LinkedHashSet<>();

    SentenceReading(RuleBasedExtractor pipeline, Sentence sentence, Discourse discourse) {
        this.pipeline = pipeline;
        this.s = sentence;
        this.discourse = discourse;
        this.text = sentence.documentText();
    }

    void read(List<FactDraft> out) {
        dateMentions = pipeline.dates().find(text, s.start(), s.end(), discourse.reference(),
                discourse.narrativeDate() == null ? null : discourse.narrativeDate().start());
        // who held an office is read at the sentence's date, else the story's, else the document's
        LocalDate day = dateMentions.stream().filter(d -> !d.target()).findFirst().map(d -> d.date().start())
                .orElse(discourse.narrativeDate() != null ? discourse.narrativeDate().start() : discourse.reference());
        mentions = pipeline.actorFinder().find(s, discourse, day);
        List<String> speakers = new ArrayList<>();
        for (int[] clause : clauses()) {
            Set<FactType> done = EnumSet.noneOf(FactType.class);
            List<Trigger> triggers = pipeline.triggerFinder().find(s, clause[0], clause[1]);
            for (Trigger t : triggers) {
                if (done.contains(t.type())) {
                    continue;
                }
                int[] own = reportedPart(t, clause, triggers);
                FactDraft draft = switch (t.type()) {
                    case STATEMENT -> statement(t, clause, speakers);
                    case AGREEMENT -> agreement(t, own, speakers);
                    case MEETING -> meeting(t, own);
                };
                if (draft != null) {
                    if (draft.type() != FactType.STATEMENT) {
                        List<String> ids = draft.actors().stream().map(FactActor::actorId).toList();
                        discourse.jointParties(ids, ids.stream().filter(id -> pipeline.gazetteer().actor(id).isState()).toList());
                    }
                    out.add(draft);
                    done.add(t.type());
                }
            }
        }
        discourse.saw(mentions);
        if (!speakers.isEmpty()) {
            discourse.spoke(speakers);
        }
        moveNarrativeDate();
        discourse.next();
    }

    /**
     * An agreement or meeting reported by a statement ("Biden said Japan and South Korea signed …")
     * has its actors after the reporting verb: the speaker is not a party.
     */
    private static int[] reportedPart(Trigger t, int[] clause, List<Trigger> triggers) {
        int from = clause[0];
        if (t.type() != FactType.STATEMENT) {
            for (Trigger other : triggers) {
                // a neutral reporting verb (said, announced, explained), not "committed" or "asked"
                if (other.type() == FactType.STATEMENT && other.plover() == null && other.lastToken() < t.token()) {
                    from = Math.max(from, other.lastToken() + 1);
                }
            }
        }
        return new int[] {from, clause[1]};
    }

    /** Clauses split at ";" and at ", but" / ", while" / ", whereas", as token ranges. */
    private List<int[]> clauses() {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.size(); i++) {
            boolean split = s.words()[i].equals(";") && !inQuotes(s.tokenStarts()[i])
                    || s.words()[i].equals(",") && i + 1 < s.size()
                    && Set.of("but", "while", "whereas").contains(s.lower(i + 1)) && !inQuotes(s.tokenStarts()[i]);
            if (split) {
                out.add(new int[] {from, i});
                from = i + 1;
            }
        }
        out.add(new int[] {from, s.size()});
        return out;
    }

    private FactDraft statement(Trigger t, int[] clause, List<String> speakers) {
        List<Mention> speaker = speaker(t, clause);
        if (speaker.isEmpty()) {
            return null;
        }
        List<String> speakerIds = ids(speaker);
        List<FactActor> actors = new ArrayList<>(RuleBasedExtractor.withRole(speakerIds, Role.SPEAKER));
        if ("REQUEST".equals(t.plover())) {
            addressee(t, clause).stream().filter(id -> !speakerIds.contains(id))
                    .forEach(id -> actors.add(new FactActor(id, Role.ADDRESSEE)));
        }
        speakers.addAll(speakerIds);
        Dated dated = date(t, clause, true);
        double confidence = 0.85 - (speaker.get(0).resolvedFromContext() ? 0.1 : 0) - (dated.inherited ? 0.05 : 0);
        return draft(t, actors, dated, confidence);
    }

    /** Who is asked: the first actor after the trigger, or the person it introduces ("South Korean President Park"). */
    private List<String> addressee(Trigger t, int[] clause) {
        List<Mention> after = mentionsIn(t.lastToken() + 1, clause[1]);
        if (after.isEmpty()) {
            return List.of();
        }
        Mention first = after.get(0);
        for (Mention m : after) {
            if (m.start() - first.start() > 40) {
                break;
            }
            if (m.actorIds().stream().allMatch(id -> pipeline.gazetteer().actor(id).isPerson())) {
                return m.actorIds();
            }
        }
        return first.actorIds();
    }

    /** The nearest actor left of the trigger in its part of the clause: "During the call, Biden said". */
    private List<Mention> speaker(Trigger t, int[] clause) {
        int end = t.token();
        int segment = end - 1;
        if (segment >= clause[0] && isBreak(segment)) {
            // "…, said a spokesman": the speaker follows the verb, up to the next break
            int stop = t.lastToken() + 1;
            while (stop < clause[1] && !isBreak(stop)) {
                stop++;
            }
            List<Mention> after = mentionsIn(t.lastToken() + 1, stop).stream().filter(m -> !isPlace(m)).toList();
            return after.isEmpty() ? List.of() : List.of(after.get(0));
        }
        while (segment >= clause[0]) {
            while (segment >= clause[0] && !isBreak(segment)) {
                segment--;
            }
            List<Mention> found = mentionsIn(segment + 1, end).stream().filter(m -> !isPlace(m)).toList();
            if (!found.isEmpty()) {
                Mention nearest = found.get(found.size() - 1);
                return subjectOf(nearest, end) ? List.of(nearest) : List.of();
            }
            boolean onlyAdverbs = true;
            for (int i = segment + 1; i < end; i++) {
                onlyAdverbs &= s.tags()[i].startsWith("ADV");
            }
            if (!onlyAdverbs || segment < clause[0]) {
                return List.of(); // "some criticized", "one observer noted": no known actor speaks
            }
            end = segment; // "Park, the South Korean president, said": look past the apposition
            segment--;
        }
        return List.of();
    }

    /**
     * Whether the mention is the verb's subject: between them only adverbs, auxiliaries, parts of a
     * name and agent words ("China's foreign ministry said"); not "Truman relieved MacArthur after
     * the general criticized".
     */
    private boolean subjectOf(Mention m, int verb) {
        for (int i = s.tokenFrom(m.end()); i < verb; i++) {
            String tag = s.tags()[i];
            String w = s.lower(i);
            boolean allowed = tag.startsWith("ADV") || tag.startsWith("AUX") || tag.startsWith("PART")
                    || Character.isUpperCase(s.words()[i].charAt(0)) || w.equals("'s") || w.equals("’s") || w.equals("'") || w.equals("-")
                    || pipeline.actorFinder().isAgentWord(w) || inQuotes(s.tokenStarts()[i]) || inDate(i);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Whether the token lies in a date ("Trump on Tuesday accused"). */
    private boolean inDate(int token) {
        int at = s.tokenStarts()[token];
        for (DateMention d : dateMentions) {
            if (at >= d.start() && at < d.end()) {
                return true;
            }
        }
        String w = s.lower(token);
        int next = token + 1;
        return (w.equals("on") || w.equals("in") || w.equals("last") || w.equals("this")) && next < s.size()
                && dateMentions.stream().anyMatch(d -> d.start() == s.tokenStarts()[next]);
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "near", "into", "across",
            "toward", "towards", "inside", "outside", "on");

    /** "Critics in Seoul argued": a name after a preposition of place is where, not who. */
    private boolean isPlace(Mention m) {
        int tok = s.tokenAt(m.start());
        return tok > 0 && PLACE_PREPOSITIONS.contains(s.lower(tok - 1));
    }

    private boolean isBreak(int i) {
        String w = s.words()[i];
        return (w.equals(",") || w.equals(";") || w.equals(":")) && !inQuotes(s.tokenStarts()[i]);
    }

    /**
     * The parties are the subject's actors (a joint body stands for its members), or, where the
     * clause has no subject before the trigger ("was established"), the clause's actors. A joint-only
     * trigger ("decided", "reaffirmed") needs two sides; one side alone makes it that side's statement.
     */
    private boolean isPersonMention(Mention m) {
        return m.actorIds().stream().allMatch(id -> pipeline.gazetteer().actor(id).isPerson());
    }

    private static final Set<String> COMPANY_WORDS = Set.of("with", "and", "between", "to", "&");

    /**
     * Who met: the subject's actors, the actor right after the verb ("met Kim", "visited Pyongyang"),
     * and those introduced by "with", "and", "between" or "to" in the verb's own part of the clause —
     * not countries named as topics ("discussed the threat posed by the DPRK") or further on.
     */
    private List<Mention> participants(Trigger t, int[] clause) {
        List<Mention> out = new ArrayList<>(mentionsIn(clause[0], t.token()).stream().filter(m -> !isPlace(m)).toList());
        int stop = t.lastToken() + 1;
        while (stop < clause[1] && !isBreak(stop)) {
            stop++;
        }
        Mention previous = null;
        for (Mention m : mentionsIn(t.lastToken() + 1, clause[1])) {
            int tok = s.tokenAt(m.start());
            boolean inVerbsPart = tok < stop;
            boolean accepted = inVerbsPart && (introducedBy(tok, t.lastToken()) || introduced(tok, COMPANY_WORDS)
                    || previous != null && out.contains(previous) && s.tokenFrom(previous.end()) >= tok - 2)
                    || introduced(tok, MEETING_VERBS); // "visited Seoul in June 1979 and met President Park"
            if (accepted) {
                out.add(m);
            }
            previous = m;
        }
        return out;
    }

    private static final Set<String> MEETING_VERBS = Set.of("meet", "visit", "host", "meeting", "met", "visiting", "hosting");

    /** Whether one of these words comes just before the token, past titles, names and articles. */
    private boolean introduced(int tok, Set<String> words) {
        for (int i = tok - 1; i >= 0 && i >= tok - 4; i--) {
            if (words.contains(s.lower(i)) || words == MEETING_VERBS && s.isVerb(i) && words.contains(s.lemma(i))) {
                return true;
            }
            if (!(Character.isUpperCase(s.words()[i].charAt(0)) || s.tags()[i].startsWith("DET"))) {
                return false;
            }
        }
        return false;
    }

    /** Whether the token follows the verb directly, past titles, names and articles ("hosted President Yoon"). */
    private boolean introducedBy(int tok, int verbLast) {
        for (int i = tok - 1; i > verbLast; i--) {
            if (!(Character.isUpperCase(s.words()[i].charAt(0)) || s.tags()[i].startsWith("DET"))) {
                return false;
            }
        }
        return true;
    }

    private FactDraft agreement(Trigger t, int[] clause, List<String> speakers) {
        List<String> subject = expand(ids(mentionsIn(clause[0], t.token()).stream().filter(m -> !isPlace(m)).toList()));
        List<String> parties = subject.isEmpty() ? expand(ids(mentionsIn(clause[0], clause[1]))) : subject;
        if (parties.isEmpty()) {
            return null;
        }
        if (t.joint() && sides(parties) < 2) {
            if (subject.isEmpty() || t.noun()) {
                return null;
            }
            speakers.addAll(subject);
            Trigger said = new Trigger(FactType.STATEMENT, t.token(), t.lastToken(), t.word(), "010", null, null, false, false);
            return draft(said, RuleBasedExtractor.withRole(subject, Role.SPEAKER), date(said, clause, true), 0.75);
        }
        return draft(t, RuleBasedExtractor.withRole(parties, Role.PARTY), date(t, clause, false), t.noun() ? 0.7 : 0.8);
    }

    private int sides(List<String> parties) {
        return (int) parties.stream().map(pipeline.gazetteer()::sideOf).distinct().count();
    }

    /** A joint body stands for its members: the founding of the ROK-U.S. Working Group is theirs. */
    private List<String> expand(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            ExtractionData.Actor a = pipeline.gazetteer().actor(id);
            if (a != null && !a.members().isEmpty()) {
                out.addAll(a.members());
            } else {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private FactDraft meeting(Trigger t, int[] clause) {
        List<Mention> all = participants(t, clause);
        if (ids(all).size() < 2) {
            all = mentionsIn(clause[0], clause[1]); // "Speaking at a news conference with Obama, Park explained"
        }
        List<String> ids = ids(all);
        if (ids.size() < 2) {
            return null;
        }
        List<FactActor> actors = new ArrayList<>();
        boolean visit = "visit".equals(t.mode());
        int trigger = s.tokenStarts()[t.token()];
        int destination = t.lastToken() + 1 < s.size() && s.lower(t.lastToken() + 1).equals("to")
                ? s.tokenEnds()[t.lastToken() + 1] : -1;
        List<Mention> before = all.stream().filter(m -> m.start() < trigger).toList();
        // the visitor: the person nearest before the trigger ("Russian Foreign Minister Sergey Lavrov visited"), else the first
        Mention visitor = before.stream().filter(this::isPersonMention).reduce((a, b) -> b)
                .orElse(before.isEmpty() ? null : before.get(0));
        for (Mention m : all) {
            Role role = "host".equals(t.mode()) ? (m == visitor ? Role.HOST : Role.VISITOR)
                    : !visit ? Role.PARTICIPANT
                    : m == visitor ? Role.VISITOR
                    : destination >= 0 && m.start() >= destination && m.start() <= destination + 1 ? Role.HOST
                    : Role.PARTICIPANT;
            for (String id : m.actorIds()) {
                if (actors.stream().noneMatch(a -> a.actorId().equals(id))) {
                    actors.add(new FactActor(id, role));
                }
            }
        }
        return draft(t, actors, date(t, clause, false), t.noun() ? 0.7 : 0.8);
    }

    private record Dated(FactDate date, FactDate target, boolean inherited) {
    }

    /**
     * The fact's own date in its clause, nearest the trigger; a date only in what is agreed to
     * ("agreed to transfer … on December 1, 2015") or after "by" is a target, and leaves the fact
     * undated. Statements take no date from what they report. Otherwise the narrative's date.
     */
    private Dated date(Trigger t, int[] clause, boolean statement) {
        int trigger = s.tokenStarts()[t.token()];
        int complement = complementStart(t, clause);
        DateMention best = null;
        FactDate target = null;
        for (DateMention d : dateMentions) {
            int tok = s.tokenAt(d.start());
            if (tok < clause[0] || tok >= clause[1] || inQuotes(d.start())) {
                continue;
            }
            if (d.target() || (complement >= 0 && d.start() >= complement)) {
                complementDates.add(d);
                target = target == null ? d.date() : target;
                continue;
            }
            if (statement && d.start() > trigger && !prepositionalAfterTrigger(t, tok)) {
                continue;
            }
            if (best == null || Math.abs(d.start() - trigger) < Math.abs(best.start() - trigger)) {
                best = d;
            }
        }
        if (best != null) {
            return new Dated(best.date(), target, false);
        }
        if (target != null || discourse.narrativeDate() == null) {
            return new Dated(FactDate.unknown(null), target, false);
        }
        return new Dated(discourse.narrativeDate(), null, true);
    }

    /** Where "agreed to VERB …" begins what was agreed: the offset of that "to", or -1. */
    private int complementStart(Trigger t, int[] clause) {
        if (t.type() != FactType.AGREEMENT) {
            return -1;
        }
        for (int i = t.lastToken() + 1; i + 1 < clause[1] && i <= t.lastToken() + 6; i++) {
            if (s.lower(i).equals("to") && s.isVerb(i + 1)) {
                return s.tokenStarts()[i];
            }
        }
        return -1;
    }

    /** "said on Sunday", "announced … after the 2020 election": a date after the verb, not in a reported clause. */
    private boolean prepositionalAfterTrigger(Trigger t, int dateToken) {
        for (int i = t.lastToken() + 1; i < dateToken; i++) {
            if (s.tags()[i].startsWith("SCONJ") || s.lower(i).equals("that")) {
                return false;
            }
        }
        String first = s.lower(dateToken);
        if (first.equals("on") || first.equals("last") || first.equals("this") || first.equals("yesterday")
                || first.equals("today")) {
            return true; // "said on Thursday", "criticized the declaration on Wednesday"
        }
        int before = dateToken - 1;
        if (before > t.lastToken() && s.lower(before).equals("the")) {
            before--;
        }
        return before > t.lastToken() && s.tags()[before].matches("ADP.*|SCONJ.*");
    }

    private List<String> keywordTopics;

    private FactDraft draft(Trigger t, List<FactActor> actors, Dated dated, double confidence) {
        String passage = s.text();
        if (keywordTopics == null) {
            StringBuilder b = new StringBuilder(passage);
            for (Mention m : mentions) { // "New Politics Alliance for Democracy" is not about the alliance
                boolean named = m.actorIds().stream().map(id -> pipeline.gazetteer().actor(id))
                        .anyMatch(a -> a != null && !a.isPerson() && !a.isState());
                for (int i = m.start(); named && i < m.end(); i++) {
                    b.setCharAt(i - s.start(), ' ');
                }
            }
            keywordTopics = pipeline.keywordTopics(b.toString());
        }
        List<FactActor> named = new ArrayList<>(actors); // a state named in the passage is what it is about
        mentions.forEach(m -> m.actorIds().forEach(id -> named.add(new FactActor(id, Role.PARTICIPANT))));
        List<String> topics = pipeline.topics(keywordTopics, named, actors);
        List<String> actorIds = actors.stream().map(FactActor::actorId).toList();
        if (topics.isEmpty()) {
            topics = discourse.paragraphTopics(actorIds); // "He said the outcome was better than expected": still the summit
        } else {
            discourse.paragraphTopics(topics, actorIds);
        }
        return new FactDraft(t.type(), dated.date(), actors, topics,
                RuleBasedExtractor.summary(passage), s.start(), s.end(), Math.max(0.1, Math.min(1.0, confidence)),
                t.cameo(), t.ploverCode(), dated.target());
    }

    private List<Mention> mentionsIn(int fromToken, int toToken) {
        if (fromToken >= toToken || fromToken >= s.size()) {
            return List.of();
        }
        int from = s.tokenStarts()[Math.max(0, fromToken)];
        int to = toToken >= s.size() ? s.end() : s.tokenStarts()[toToken];
        return mentions.stream().filter(m -> m.start() >= from && m.start() < to && !inQuotes(m.start())).toList();
    }

    private static List<String> ids(List<Mention> mentions) {
        Set<String> ids = new LinkedHashSet<>();
        mentions.forEach(m -> ids.addAll(m.actorIds()));
        return List.copyOf(ids);
    }

    private boolean[] quoted;

    /** Whether the offset lies inside a quotation (computed once per sentence). */
    private boolean inQuotes(int offset) {
        if (quoted == null) {
            quoted = new boolean[s.end() - s.start() + 1];
            boolean in = false;
            for (int i = s.start(); i < s.end(); i++) {
                char c = text.charAt(i);
                quoted[i - s.start()] = in;
                if (c == '"') {
                    in = !in;
                } else if (c == '“') {
                    in = true;
                } else if (c == '”') {
                    in = false;
                }
            }
            quoted[s.end() - s.start()] = in;
        }
        return offset >= s.start() && offset <= s.end() && quoted[offset - s.start()];
    }

    /**
     * The narrative date moves to a sentence's date when it is the first, when the sentence opens
     * with it ("On 12 November 2020, …"), or when it is later; an earlier date deeper in a sentence is
     * a flashback ("launched in November 2018") and leaves the narrative where it was.
     */
    private void moveNarrativeDate() {
        int firstVerb = s.size();
        for (int i = 0; i < s.size(); i++) {
            if (s.isVerb(i)) {
                firstVerb = i;
                break;
            }
        }
        int firstVerbOffset = firstVerb < s.size() ? s.tokenStarts()[firstVerb] : s.end();
        for (DateMention d : dateMentions) {
            if (d.target() || complementDates.contains(d) || inQuotes(d.start())) {
                continue;
            }
            FactDate current = discourse.narrativeDate();
            if (current == null || d.end() <= firstVerbOffset || !d.date().start().isBefore(current.start())) {
                discourse.narrativeDate(d.date());
            }
        }
    }
}

package io.factline.browser;

import java.time.LocalDate;
import java.util.UUID;

/** Test documents whose facts are stated by the test extractor's markers (see MarkerExtractor). */
final class ActorFacts {

    /** The actor whose page the test reads: a reference actor, with 22 more facts of the test's own. */
    static final String ACTOR = "park-geun-hye";

    private ActorFacts() {
    }

    /** A document with n meetings of Park Geun-hye and Barack Obama on n different days, unique to this call. */
    static String markedDocument(int n) {
        String ref = UUID.randomUUID().toString();
        StringBuilder text = new StringBuilder("Meetings, a browser test's record (ref " + ref + ").\n");
        LocalDate day = LocalDate.of(2014, 1, 6);
        for (int i = 0; i < n; i++) {
            LocalDate date = day.plusDays(7L * i);
            text.append("{{MEETING|").append(date).append("|park-geun-hye:PARTICIPANT,barack-obama:PARTICIPANT|summit-diplomacy}} ")
                    .append("Park Geun-hye met Barack Obama on ").append(date).append(" (meeting ").append(i + 1)
                    .append(", ref ").append(ref).append(").\n");
        }
        return text.toString();
    }

    /** A short briefing of three marked facts (a meeting, a statement, an agreement), unique to this call. */
    static String markedBriefing() {
        String ref = UUID.randomUUID().toString();
        return "Briefing on the alliance (ref " + ref + ").\n"
                + "{{MEETING|2016-03-31|park-geun-hye:PARTICIPANT,barack-obama:PARTICIPANT|summit-diplomacy}} "
                + "Park Geun-hye met Barack Obama in Washington on 31 March 2016 (ref " + ref + ").\n"
                + "{{STATEMENT|2016-04|barack-obama:SPEAKER,park-geun-hye:ADDRESSEE|north-korea-nuclear}} "
                + "Obama told Park that the sanctions on North Korea would stay (ref " + ref + ").\n"
                + "{{AGREEMENT|2016|park-geun-hye:PARTY,barack-obama:PARTY|china}} "
                + "The two leaders agreed to consult on China in 2016 (ref " + ref + ").\n";
    }
}

package io.factline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameCandidatesTest {

    @Test
    void phrasesBeginAndEndWithACapitalAndCrossNoStop() {
        var phrases = NameCandidates.in("On 9 May, Foreign Minister of Mongolia Altan Gerel’s aide met the "
                + "Joint Fisheries Monitoring Panel (JFMP). The U.S. Navy said so.");
        assertThat(phrases).contains("Altan Gerel", "Foreign Minister of Mongolia Altan Gerel", "Mongolia",
                "Joint Fisheries Monitoring Panel", "JFMP", "U.S. Navy", "U.S.", "9 May");
        assertThat(phrases).doesNotContain("May Foreign", "Gerel aide", "Panel JFMP", "JFMP The", "Navy said",
                "Gerel’s", "Panel (JFMP");
    }

    @Test
    void noTextNoPhrases() {
        assertThat(NameCandidates.in(null)).isEmpty();
        assertThat(NameCandidates.in("  all in lower case, nothing named.  ")).isEmpty();
    }
}

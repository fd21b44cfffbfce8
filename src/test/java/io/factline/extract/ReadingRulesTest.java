package io.factline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactActor;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/**
 * The rules that read documents the extractor was not written for, each on sentences written for
 * this test (none from the development set): the document's own date, several acts in a sentence,
 * actors the gazetteer lacks, types by the number of sides, clauses, transcripts and letters.
 */
class ReadingRulesTest {

    private static RuleBasedExtractor pipeline;

    @BeforeAll
    static void load() {
        pipeline = RuleBasedExtractor.bundled();
    }

    private static List<FactDraft> extract(String text) {
        return pipeline.extract(new DocumentText(text, null, null));
    }

    private static List<FactDraft> of(List<FactDraft> drafts, FactType type) {
        return drafts.stream().filter(d -> d.type() == type).toList();
    }

    private static FactDraft only(List<FactDraft> drafts, FactType type) {
        List<FactDraft> found = of(drafts, type);
        assertThat(found).as("%s facts in %s", type, drafts).hasSize(1);
        return found.get(0);
    }

    private static List<String> ids(FactDraft d) {
        return d.actors().stream().map(FactActor::actorId).toList();
    }

    @Test
    void aDateLineGivesTheDocumentItsDateInEveryCommonForm() {
        assertThat(DocumentDates.ofLine("March 3, 2031")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("3 March 2031")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("2031-03-03")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("Updated March 3, 2031 (RL34567)")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("Published 9:05 PM EST, Mon March 3, 2031")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("(March 3, 2031)")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("Tokyo, March 3, 2031, 1130Z.")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("Last updated: 03-03-2031 10:00:00 ZULU")).isEqualTo(LocalDate.of(2031, 3, 3));
        assertThat(DocumentDates.ofLine("Readout of the Call")).isNull();
        assertThat(DocumentDates.ofLine("In March 2031, the envoys met again in Tokyo.")).isNull();
        assertThat(DocumentDates.ofLine("March 2031")).isNull(); // a month is no day to count "yesterday" from
    }

    @Test
    void theDateLineNearTheTitleDatesTheActsOfToday() {
        List<FactDraft> drafts = extract("Joint Readout of the Envoys' Meeting\n\nOffice of the Spokesperson\n\n"
                + "Thursday, March 20, 2031\n\nToday, Japan and South Korea agreed to resume their security dialogue. "
                + "On Sunday, China criticized the exercises. Last week, Russia condemned the drills.");
        assertThat(only(drafts, FactType.AGREEMENT).date().start()).isEqualTo(LocalDate.of(2031, 3, 20));
        List<FactDraft> statements = of(drafts, FactType.STATEMENT);
        assertThat(statements.get(0).date().start()).isEqualTo(LocalDate.of(2031, 3, 16));
        assertThat(statements.get(1).date().precision()).isEqualTo(DatePrecision.MONTH); // a week: its month
        assertThat(statements.get(1).date().start()).isEqualTo(LocalDate.of(2031, 3, 1));
    }

    @Test
    void formalAndOrdinalDatesAreDays() {
        FactDraft met = only(extract("Presidents Moon Jae-in and Xi Jinping met in Seoul on this 9th day of July, 2030."),
                FactType.MEETING);
        assertThat(met.date().start()).isEqualTo(LocalDate.of(2030, 7, 9));
        assertThat(met.date().precision()).isEqualTo(DatePrecision.DAY);
        FactDraft agreed = only(pipeline.extract(new DocumentText("On 14th of May 2030, Japan and China agreed to open a hotline.",
                null, null)), FactType.AGREEMENT);
        assertThat(agreed.date().start()).isEqualTo(LocalDate.of(2030, 5, 14));
    }

    @Test
    void aPublishedDateGivenWithTheDocumentWinsAndTodayIsIt() {
        FactDraft d = only(pipeline.extract(new DocumentText("Today Japan and India signed a shipbuilding pact.",
                LocalDate.of(2029, 11, 30), null)), FactType.AGREEMENT);
        assertThat(d.date().start()).isEqualTo(LocalDate.of(2029, 11, 30));
    }

    @Test
    void eachCoordinatedActIsAFactOfItsOwn() {
        List<FactDraft> drafts = extract("In May 2030, the foreign ministers of Japan and South Korea signed a fisheries "
                + "agreement and called on China to join the talks.");
        assertThat(only(drafts, FactType.AGREEMENT).actors()).extracting(FactActor::role).containsOnly(Role.PARTY);
        FactDraft call = only(drafts, FactType.STATEMENT);
        assertThat(call.plover()).isEqualTo("REQUEST");
        assertThat(call.actors()).contains(new FactActor("china", Role.ADDRESSEE));
    }

    @Test
    void aMeetingListedOccasionByOccasionIsOneFactPerOccasion() {
        List<FactDraft> drafts = extract("Moon Jae-in and Xi Jinping met twice: in Beijing in December 2017 and in Osaka "
                + "in June 2019.");
        assertThat(of(drafts, FactType.MEETING)).extracting(d -> d.date().start().toString())
                .containsExactly("2017-12-01", "2019-06-01");
    }

    @Test
    void aSummitOpeningTheSentenceIsAMeetingAndWhatWasSignedThereAnAgreement() {
        List<FactDraft> drafts = extract("At a March 2031 summit in Hanoi, Vietnam and Japan signed a maritime accord.");
        assertThat(only(drafts, FactType.MEETING).date().start()).isEqualTo(LocalDate.of(2031, 3, 1));
        FactDraft signed = only(drafts, FactType.AGREEMENT);
        assertThat(ids(signed)).containsExactlyInAnyOrder("vietnam", "japan");
        assertThat(signed.date().start()).isEqualTo(LocalDate.of(2031, 3, 1));
    }

    @Test
    void anEventNamedWithItsOwnDateIsAFactOfThatDate() {
        List<FactDraft> drafts = pipeline.extract(new DocumentText("The ministers reaffirmed the Japan-India joint statement "
                + "of October 2, 2027.", LocalDate.of(2030, 1, 5), null));
        List<FactDraft> agreements = of(drafts, FactType.AGREEMENT);
        assertThat(agreements).extracting(d -> d.date().start().toString()).contains("2027-10-02");
        assertThat(agreements.stream().filter(d -> d.date().start().getYear() == 2027).findFirst().orElseThrow().actors())
                .extracting(FactActor::actorId).contains("japan", "india");
    }

    @Test
    void twoSidesCommittingTogetherAgreeAndOneSideAloneStates() {
        List<FactDraft> drafts = extract("In 2031, Canada and Australia reaffirmed their commitment to the Pacific. "
                + "In 2031, Canada reaffirmed its commitment to the Arctic. In 2031, Canada and Australia condemned the test.");
        assertThat(drafts).extracting(FactDraft::type).containsExactly(FactType.AGREEMENT, FactType.STATEMENT, FactType.STATEMENT);
        assertThat(ids(drafts.get(2))).containsExactlyInAnyOrder("canada", "australia");
    }

    @Test
    void aStatementVerbWithTheirJointCommitmentIsAnAgreement() {
        FactDraft d = only(extract("In 2031, France and Germany emphasized their joint commitment to the alliance."),
                FactType.AGREEMENT);
        assertThat(ids(d)).containsExactlyInAnyOrder("france", "germany");
    }

    @Test
    void futureHypotheticalAndNegatedActsAreNoFacts() {
        assertThat(extract("In 2031, Japan and Korea will sign the pact. Japan and China could agree on fisheries. "
                + "India did not condemn the launch. If Russia visits Pyongyang, Seoul would protest.")).isEmpty();
    }

    @Test
    void peopleNamedWithATitleAreDiscoveredAndTiedToTheirState() {
        List<FactDraft> drafts = extract("In 2031, Foreign Minister of Mongolia Batbold Erdene met Secretary of State "
                + "Marco Rubio in Washington. Later that year, Batbold Erdene said the talks were useful.");
        FactDraft met = only(drafts, FactType.MEETING);
        assertThat(ids(met)).containsExactlyInAnyOrder("batbold-erdene", "marco-rubio");
        DiscoveredActor found = met.discovered().get(0);
        assertThat(found.name()).isEqualTo("Batbold Erdene");
        assertThat(found.state()).isEqualTo("mongolia");
        assertThat(found.kind()).isEqualTo(io.factline.domain.ActorKind.PERSON);
        assertThat(ids(only(drafts, FactType.STATEMENT))).containsExactly("batbold-erdene");
    }

    @Test
    void bodiesNamedWithTheirAcronymAndCompaniesAreDiscoveredAndFoundAgain() {
        List<FactDraft> drafts = extract("In 2031, the Joint Fisheries Monitoring Panel (JFMP) was launched by Japan and "
                + "Chile. In 2031, the JFMP said catches had fallen. In 2031, Hanwha Ocean announced a new shipyard.");
        List<FactDraft> statements = of(drafts, FactType.STATEMENT);
        assertThat(ids(statements.get(0))).containsExactly("joint-fisheries-monitoring-panel");
        assertThat(statements.get(0).discovered().get(0).alias()).isEqualTo("JFMP");
        assertThat(ids(statements.get(1))).containsExactly("hanwha-ocean");
    }


    @Test
    void anActorKnownFromAnEarlierDocumentIsFoundByNameWithoutATitle() {
        KnownActor known = new KnownActor("batbold-erdene", "Batbold Erdene", io.factline.domain.ActorKind.PERSON, "mongolia", List.of());
        KnownActor panel = new KnownActor("joint-fisheries-monitoring-panel", "Joint Fisheries Monitoring Panel",
                io.factline.domain.ActorKind.ORGANISATION, null, List.of("JFMP"));
        List<FactDraft> drafts = pipeline.extract(new DocumentText("On 9 March 2031, Batbold Erdene met Marco Rubio in "
                + "Washington. On 10 March 2031, Erdene said the talks were useful. On 11 March 2031, the JFMP said "
                + "catches had fallen.", null, null, List.of(known, panel)));
        FactDraft met = only(drafts, FactType.MEETING);
        assertThat(ids(met)).containsExactlyInAnyOrder("batbold-erdene", "marco-rubio");
        assertThat(met.discovered()).as("known already: nothing to register").isEmpty();
        List<FactDraft> statements = of(drafts, FactType.STATEMENT);
        assertThat(statements).extracting(d -> ids(d)).containsExactly(List.of("batbold-erdene"), List.of("joint-fisheries-monitoring-panel"));

        // by surname alone, a known person is no one: another Erdene may be meant
        assertThat(pipeline.extract(new DocumentText("On 10 March 2031, Erdene said the talks were useful.", null, null,
                List.of(known)))).isEmpty();
    }
    @Test
    void namesTheGazetteerRefusesAreNotDiscovered() {
        List<FactDraft> drafts = extract("In 2031, the Washington Post said the talks had stalled.");
        assertThat(drafts).isEmpty();
    }

    @Test
    void theLeadersAndTheyAndWeAreThePrincipalsOfAJointStatement() {
        List<FactDraft> drafts = extract("Joint Statement\n\nJune 3, 2031\n\nPresident Joe Biden and Prime Minister "
                + "Fumio Kishida met in Tokyo today. The Leaders condemned the missile launches. They reaffirmed their "
                + "alliance. We commit to closer cooperation.");
        List<String> both = List.of("joe-biden", "fumio-kishida");
        assertThat(ids(only(drafts, FactType.STATEMENT))).containsExactlyInAnyOrderElementsOf(both);
        assertThat(of(drafts, FactType.AGREEMENT)).hasSize(2).allSatisfy(d -> assertThat(ids(d)).containsExactlyInAnyOrderElementsOf(both));
        assertThat(drafts).allSatisfy(d -> assertThat(d.date().start()).isEqualTo(LocalDate.of(2031, 6, 3)));
    }

    @Test
    void aPurchaseWithAPriceIsADealEvenAnnouncedAsFuture() {
        List<FactDraft> drafts = extract("Fact Sheet\n\nApril 1, 2031\n\nVietnam Airlines will purchase 20 new aircraft "
                + "valued at $4 billion. Vietnam will consider new routes.");
        FactDraft deal = only(drafts, FactType.AGREEMENT);
        assertThat(ids(deal)).containsExactly("vietnam-airlines");
        assertThat(deal.date().start()).isEqualTo(LocalDate.of(2031, 4, 1));
    }

    @Test
    void aPledgeDatedByItsTargetIsDatedWhenMadeAndTheTargetKept() {
        FactDraft pledge = only(pipeline.extract(new DocumentText("Samsung pledged to invest $1 billion in Texas by 2035.",
                LocalDate.of(2031, 2, 2), null)), FactType.STATEMENT);
        assertThat(pledge.date().start()).isEqualTo(LocalDate.of(2031, 2, 2));
        assertThat(pledge.target().start().getYear()).isEqualTo(2035);
    }

    @Test
    void inATranscriptISpeaksForTheTurnAndWeForThoseWhoMet() {
        List<FactDraft> drafts = extract("Remarks by President Biden and President Yoon Suk Yeol in Joint Press Conference\n\n"
                + "(May 21, 2022)\n\nPRESIDENT YOON: At this summit, we agreed to expand joint exercises. "
                + "I call on North Korea to return to talks.\n\nPRESIDENT BIDEN: I welcome the investments of Korean firms.");
        FactDraft conference = of(drafts, FactType.MEETING).get(0);
        assertThat(ids(conference)).contains("joe-biden", "yoon-suk-yeol");
        assertThat(ids(only(drafts, FactType.AGREEMENT))).containsExactlyInAnyOrder("joe-biden", "yoon-suk-yeol");
        List<FactDraft> statements = of(drafts, FactType.STATEMENT);
        assertThat(statements).extracting(d -> ids(d).get(0)).containsExactly("yoon-suk-yeol", "joe-biden");
    }

    @Test
    void theSignatoryOfALetterIsI() {
        List<FactDraft> drafts = extract("Telegram From the Embassy to the Department\n\nHanoi, June 2, 1972, 0900Z.\n\n"
                + "1. Yesterday I told the Foreign Minister that the talks would resume.\n\n2. Nothing further.\n\nWinthrop");
        FactDraft told = only(drafts, FactType.STATEMENT);
        assertThat(ids(told)).singleElement().asString().startsWith("winthrop-"); // one name: this document's Winthrop
        assertThat(told.discovered().get(0).name()).isEqualTo("Winthrop");
        assertThat(told.date().start()).isEqualTo(LocalDate.of(1972, 6, 1));
    }

    @Test
    void aGovernmentOrganSpeaksForItsStateToo() {
        FactDraft d = only(extract("In 2031, KCNA said the launch was a success."), FactType.STATEMENT);
        assertThat(ids(d)).containsExactly("kcna", "north-korea");
    }

    @Test
    void anAsideInBracketsDoesNotHideTheSubject() {
        FactDraft d = only(extract("In 1950, two U.S. officials (one of whom would later become an ambassador) proposed "
                + "a ceasefire."), FactType.STATEMENT);
        assertThat(ids(d)).containsExactly("united-states");
    }

    @Test
    void aCollectiveBodyDecidesForItsMembersAndTheCouncilIsItAgain() {
        List<FactDraft> drafts = extract("Security Council Press Release\n\n14 March 2031\n\nThe Security Council today adopted "
                + "resolution 2811 (2031) on maritime safety. The Council condemned the attacks on shipping.");
        FactDraft adopted = only(drafts, FactType.AGREEMENT);
        assertThat(ids(adopted)).containsExactly("un-security-council");
        assertThat(adopted.date().start()).isEqualTo(LocalDate.of(2031, 3, 14)); // "(2031)" names the resolution
        FactDraft condemned = only(drafts, FactType.STATEMENT);
        assertThat(ids(condemned)).containsExactly("un-security-council");
        assertThat(condemned.date().precision()).isEqualTo(DatePrecision.DAY);
    }

    @Test
    void aStatesOrganNamedWithItsPossessorIsTheState() {
        FactDraft d = only(extract("In 2031, Japan's Defense Ministry said the missile fell outside its waters."), FactType.STATEMENT);
        assertThat(ids(d)).containsExactly("japan");
        assertThat(d.discovered()).isEmpty();
    }

    @Test
    void aLeadersAdministrationIsTheirState() {
        FactDraft d = only(extract("In 2031, the Biden administration announced new export controls."), FactType.STATEMENT);
        assertThat(ids(d)).containsExactly("united-states");
    }

    @Test
    void aCounterpartNamedAfterAPossessiveIsWhoWasMet() {
        FactDraft met = only(extract("In 2031, Foreign Minister Wang Yi met his Japanese counterpart Yoshimasa Hayashi in Beijing "
                + "and urged restraint, according to the foreign ministry."), FactType.MEETING);
        assertThat(ids(met)).containsExactlyInAnyOrder("wang-yi", "yoshimasa-hayashi");
    }

    @Test
    void aTargetMonthAfterByIsTheNextSuchMonth() {
        FactDraft d = only(pipeline.extract(new DocumentText("On Monday, Japan and India agreed to withdraw the ships by July.",
                LocalDate.of(2031, 9, 15), null)), FactType.AGREEMENT);
        assertThat(d.target().start()).isEqualTo(LocalDate.of(2032, 7, 1));
        assertThat(d.date().start()).isEqualTo(LocalDate.of(2031, 9, 15));
    }

    @Test
    void aFooterIsNoSignatory() {
        List<FactDraft> drafts = extract("Remarks on the Alliance\n\nI said today that Japan and Korea must cooperate.\n\n"
                + "The talks went on.\n\nRelated Links");
        assertThat(drafts).allSatisfy(d -> assertThat(d.discovered()).isEmpty());
    }

    @Test
    void aPersonKnownByOneNameIsThatDocumentsOnly() {
        String text = "In 2031, Ambassador Quill said the talks had resumed.";
        FactDraft d = only(extract(text), FactType.STATEMENT);
        assertThat(d.discovered()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Quill");
            assertThat(a.id()).startsWith("quill-").isNotEqualTo("quill");
        });
        assertThat(ids(only(extract(text.replace("2031", "2032")), FactType.STATEMENT)).get(0)).isNotEqualTo(d.discovered().get(0).id());
    }

    @Test
    void edgeCasesTheReviewFoundDoNotThrow() {
        assertThat(extract("Japan and Korea met in Seoul. Tokyo has sent aid to Seoul since 2016, said")).isNotNull();
        assertThat(pipeline.extract(new DocumentText("Five years later, Japan and Korea signed a treaty.", LocalDate.of(2998, 6, 1), null)))
                .allSatisfy(d -> assertThat(d.date().isKnown()).isFalse());
        assertThat(pipeline.extract(new DocumentText("Five years ago, Japan and Korea signed a treaty.", LocalDate.of(1001, 6, 1), null)))
                .isNotNull();
        assertThat(extract("A. B. C. D. ".repeat(2_000) + "Japan and Korea signed a treaty in 2020.")).isNotNull();
    }
}

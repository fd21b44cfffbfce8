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

/** The pipeline's rules on sentences written for these tests (none from the seed). */
class ExtractionRulesTest {

    private static RuleBasedExtractor pipeline;

    @BeforeAll
    static void load() {
        pipeline = RuleBasedExtractor.bundled();
    }

    private static List<FactDraft> extract(String text, LocalDate documentDate) {
        return pipeline.extract(new DocumentText(text, documentDate, null));
    }

    private static FactDraft only(List<FactDraft> drafts, FactType type) {
        List<FactDraft> of = drafts.stream().filter(d -> d.type() == type).toList();
        assertThat(of).as("%s facts in %s", type, drafts).hasSize(1);
        return of.get(0);
    }

    private static List<String> ids(FactDraft d) {
        return d.actors().stream().map(FactActor::actorId).toList();
    }

    @Test
    void absoluteDatesKeepTheirPrecisionAndWords() {
        DateFinder dates = new DateFinder(List.of("by", "until"));
        String s = "It met on 3 March 2019, again on July 4, 2020, in August 2021 and in 1994; the 2002 Agreement holds until 2030.";
        List<DateFinder.DateMention> found = dates.find(s, 0, s.length(), null, null);
        assertThat(found).extracting(d -> d.date().precision()).containsExactly(DatePrecision.DAY, DatePrecision.DAY,
                DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.YEAR, DatePrecision.YEAR);
        assertThat(found.get(1).date().start()).isEqualTo(LocalDate.of(2020, 7, 4));
        assertThat(found.get(2).date().text()).isEqualTo("August 2021");
        assertThat(found.get(5).target()).isTrue();
        String numbers = "a 25,000-strong force, 1,500 troops and 95% of 2,008 units";
        assertThat(dates.find(numbers, 0, numbers.length(), null, null)).isEmpty();
    }

    @Test
    void relativeDatesResolveAgainstTheDocumentsDate() {
        LocalDate wednesday = LocalDate.of(2023, 4, 26);
        FactDraft sunday = only(extract("On Sunday, Japan and South Korea agreed to share missile warning data.", wednesday),
                FactType.AGREEMENT);
        assertThat(sunday.date().start()).isEqualTo(LocalDate.of(2023, 4, 23));
        FactDraft lastYear = only(extract("Last year, Japan and South Korea signed an intelligence pact.", wednesday),
                FactType.AGREEMENT);
        assertThat(lastYear.date().precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(lastYear.date().start().getYear()).isEqualTo(2022);
    }

    @Test
    void storyRelativeDatesFollowTheNarrativeNotThePublicationDate() {
        List<FactDraft> drafts = extract("In March 1991, Tokyo and Seoul signed a fisheries pact. "
                + "The following year, the two Koreas signed a joint declaration.", LocalDate.of(2019, 3, 1));
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(1).date().start().getYear()).isEqualTo(1992);
        assertThat(ids(drafts.get(1))).containsExactly("south-korea", "north-korea");
    }

    @Test
    void heIsTheLastSpeakerOnlyRightAfterHeSpoke() {
        List<FactDraft> drafts = extract("In 1953, President Syngman Rhee said the treaty mattered. "
                + "Years passed. President Kim Dae-jung traveled to Pyongyang in June 2000. "
                + "He and Kim Jong Il signed a joint declaration.", null);
        FactDraft visit = only(drafts, FactType.MEETING);
        assertThat(visit.actors()).contains(new FactActor("kim-dae-jung", Role.VISITOR), new FactActor("north-korea", Role.HOST));
        assertThat(ids(only(drafts, FactType.AGREEMENT))).containsExactly("kim-dae-jung", "kim-jong-il");
    }

    @Test
    void aTargetDateIsNotWhenTheAgreementWasMade() {
        FactDraft d = only(extract("Tokyo and Seoul agreed to close the fishing zone by 2030.", null), FactType.AGREEMENT);
        assertThat(d.date().isKnown()).isFalse();
        assertThat(d.target().start().getYear()).isEqualTo(2030);
        FactDraft transfer = only(extract("China and Russia agreed to open the bridge on May 1, 2031.", null), FactType.AGREEMENT);
        assertThat(transfer.date().isKnown()).isFalse();
        assertThat(transfer.target().start()).isEqualTo(LocalDate.of(2031, 5, 1));
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        List<FactDraft> drafts = extract("On Dec. 5, 2019, the U.S. and R.O.K. agreed to extend the cost-sharing deal. "
                + "Mr. Pompeo said the talks went well.", null);
        FactDraft agreement = only(drafts, FactType.AGREEMENT);
        assertThat(ids(agreement)).contains("united-states", "south-korea");
        FactDraft statement = only(drafts, FactType.STATEMENT);
        assertThat(ids(statement)).containsExactly("mike-pompeo");
        assertThat(statement.start()).isGreaterThan(agreement.end());
    }

    @Test
    void anOfficeWithoutANameIsWhoHeldItThen() {
        FactDraft y2015 = only(extract("In March 2015, the South Korean president criticized the missile launch.", null),
                FactType.STATEMENT);
        assertThat(ids(y2015)).containsExactly("park-geun-hye");
        FactDraft y2019 = only(extract("In March 2019, the South Korean president criticized the missile launch.", null),
                FactType.STATEMENT);
        assertThat(ids(y2019)).containsExactly("moon-jae-in");
    }

    @Test
    void pronounsAndDescriptionsPointBack() {
        List<FactDraft> drafts = extract("In May 2018, Foreign Minister Kang Kyung-wha met Secretary of State Mike Pompeo. "
                + "She said the meeting was productive. The two leaders agreed to meet again.", null);
        assertThat(ids(drafts.get(1))).containsExactly("kang-kyung-wha");
        FactDraft agreed = only(drafts, FactType.AGREEMENT);
        assertThat(ids(agreed)).containsExactlyInAnyOrder("kang-kyung-wha", "mike-pompeo");
        assertThat(agreed.date().start()).isEqualTo(LocalDate.of(2018, 5, 1));
    }

    @Test
    void aSingleAnnouncementIsAStatementAndAJointCommitmentAnAgreement() {
        List<FactDraft> drafts = extract("In 2019, Japan announced export controls. "
                + "In 2019, Japan and South Korea decided to extend the military intelligence pact.", null);
        assertThat(drafts).extracting(FactDraft::type).containsExactly(FactType.STATEMENT, FactType.AGREEMENT);
        assertThat(drafts.get(1).actors()).allMatch(a -> a.role() == Role.PARTY);
    }

    @Test
    void hypotheticalNegatedAndAnonymousOnesAreNotFacts() {
        assertThat(extract("China would welcome talks with the United States. Japan did not sign the treaty. "
                + "Some officials said the plan was doomed. Russia has never agreed to such terms.", null)).isEmpty();
    }

    @Test
    void aPhoneCallIsAMeetingCodedAsOne() {
        FactDraft call = only(extract("On 2 June 2022, President Biden had a phone call with President Yoon Suk-yeol.", null),
                FactType.MEETING);
        assertThat(call.cameo()).isEqualTo("041");
        assertThat(call.plover()).isEqualTo("CONSULT:phone");
        assertThat(ids(call)).contains("joe-biden", "yoon-suk-yeol");
    }

    @Test
    void aReportedAgreementIsBetweenItsPartiesNotTheSpeaker() {
        List<FactDraft> drafts = extract("In 2015, Biden said Japan and South Korea signed a pact.", null);
        assertThat(ids(only(drafts, FactType.AGREEMENT))).containsExactlyInAnyOrder("japan", "south-korea");
        assertThat(ids(only(drafts, FactType.STATEMENT))).containsExactly("joe-biden");
        assertThat(extract("In May 2019, Trump met Moon Jae-in, said a spokesman.", null))
                .extracting(FactDraft::type).containsExactly(FactType.MEETING);
    }

    @Test
    void anOfficeIsReadAtTheStorysDateAndNotForAFormerHolder() {
        List<FactDraft> drafts = extract("In March 2015, North Korea fired two missiles. The South Korean president "
                + "criticized the launch. The former American president praised the response.", LocalDate.of(2021, 6, 1));
        assertThat(drafts).hasSize(1);
        assertThat(ids(drafts.get(0))).containsExactly("park-geun-hye");
    }

    @Test
    void namesThatOnlyContainAnActorsNameAreNotThatActor() {
        List<FactDraft> drafts = extract("In 2019, the US National Security Council said the talks had stalled. "
                + "In 2019, the Washington Post said the talks had stalled.", null);
        assertThat(drafts).hasSize(1); // the Council speaks for the United States; the newspaper does not
        assertThat(ids(drafts.get(0))).containsExactly("united-states");
    }

    @Test
    void hardWrappedParagraphsAreReadAsProse() {
        List<FactDraft> drafts = extract("On 2 June 2022, President Biden had a phone call with President\n"
                + "Yoon Suk-yeol about the North's missile launches, and the two leaders agreed to\n"
                + "expand joint exercises.\n\nSources and notes", null);
        assertThat(drafts).extracting(FactDraft::type).containsExactly(FactType.MEETING, FactType.AGREEMENT);
        assertThat(ids(drafts.get(0))).contains("yoon-suk-yeol");
    }

    @Test
    void datesOutsideTheYearsFactsMayHoldAreNotUsed() {
        assertThat(extract("Page last modified: 01-01-0999\nMoon met Trump today.", null)).hasSize(1);
        assertThat(extract("The following year, Tokyo and Seoul signed a pact.", LocalDate.of(2999, 12, 31)))
                .allMatch(d -> !d.date().isKnown());
    }

    @Test
    void topicsComeFromKeywordsNamedStatesAndTheParagraph() {
        List<FactDraft> drafts = extract("In May 2021, President Moon Jae-in held a summit with President Biden in Washington. "
                + "He said the outcome was better than expected.\n\nIn 2016, Seoul said Beijing was wrong.", null);
        assertThat(drafts.get(0).topics()).contains("summit-diplomacy");
        assertThat(drafts.get(1).topics()).containsExactly("summit-diplomacy");
        assertThat(drafts.get(2).topics()).containsExactly("china");
    }

    @Test
    void oneSideAloneReaffirmingOrDecidingMakesAStatement() {
        List<FactDraft> drafts = extract("In May 2022, President Biden reaffirmed the U.S. commitment to the ROK. "
                + "In June 1950, President Truman and Secretary of State Dean Acheson decided to defend South Korea. "
                + "In May 2022, Presidents Biden and Yoon reaffirmed the alliance. They condemned the missile tests.", null);
        assertThat(drafts).extracting(FactDraft::type).containsExactly(FactType.STATEMENT, FactType.STATEMENT,
                FactType.AGREEMENT, FactType.STATEMENT);
        assertThat(ids(drafts.get(0))).containsExactly("joe-biden");
        assertThat(ids(drafts.get(1))).containsExactly("harry-truman", "dean-acheson");
        assertThat(ids(drafts.get(3))).containsExactlyInAnyOrder("joe-biden", "yoon-suk-yeol");
    }

    @Test
    void aSpeakerIsTheVerbsSubject() {
        assertThat(extract("In April 1951, Truman relieved a general of command after the general publicly criticized "
                + "the administration.", null)).isEmpty();
        FactDraft ministry = only(extract("In 2016, China's foreign ministry said the deployment was a mistake.", null),
                FactType.STATEMENT);
        assertThat(ids(ministry)).containsExactly("china");
    }

    @Test
    void wireStyleDatesResolveAgainstThePublicationStamp() {
        List<FactDraft> drafts = extract("Published: April 26, 2023, 5:44 PM EDT\n\n"
                + "President Donald Trump on Tuesday accused China of stalling. "
                + "Yoon Suk Yeol and Fumio Kishida held a summit in Tokyo last month. "
                + "China criticized the declaration on Wednesday. "
                + "Sergey Lavrov visited Pyongyang in July.", null);
        assertThat(drafts).extracting(d -> d.date().start().toString()).containsExactly(
                "2023-04-25", "2023-03-01", "2023-04-26", "2022-07-01");
        assertThat(drafts.get(1).date().precision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void whoMetIsTheSubjectAndThoseMetNotTheCountriesDiscussed() {
        List<FactDraft> drafts = extract("On 9 March 2022, President Biden spoke with President-elect Yoon Suk Yeol. "
                + "The two leaders discussed the threat posed by the DPRK. "
                + "In August 2023, President Biden hosted President Yoon and Prime Minister Kishida at Camp David. "
                + "We condemn the missile launches.", null);
        assertThat(drafts.get(0).type()).isEqualTo(FactType.MEETING);
        assertThat(ids(drafts.get(1))).containsExactlyInAnyOrder("joe-biden", "yoon-suk-yeol");
        assertThat(drafts.get(2).actors()).containsExactly(new FactActor("joe-biden", Role.HOST),
                new FactActor("yoon-suk-yeol", Role.VISITOR), new FactActor("fumio-kishida", Role.VISITOR));
        assertThat(ids(drafts.get(3))).containsExactlyInAnyOrder("joe-biden", "yoon-suk-yeol", "fumio-kishida");
    }

    @Test
    void institutionsSpeakForTheirStates() {
        List<FactDraft> drafts = extract("In October 1950, Truman met General Douglas MacArthur on Wake Island. "
                + "In 2017, KCNA said the launch was a success. In 2017, the White House said it was monitoring the launch. "
                + "In 2015, Park said the summit went well.", null);
        assertThat(ids(only(drafts, FactType.MEETING))).containsExactlyInAnyOrder("harry-truman", "douglas-macarthur");
        List<FactDraft> statements = drafts.stream().filter(d -> d.type() == FactType.STATEMENT).toList();
        assertThat(statements).extracting(d -> ids(d).get(0)).containsExactly("kcna", "united-states", "park-geun-hye");
    }

    @Test
    void badInputGivesNoFactsAndNoCrash() {
        assertThat(extract("", null)).isEmpty();
        assertThat(extract("   \n\n  ", null)).isEmpty();
        assertThat(extract("Join the GlobalSecurity.org mailing list\nPage last modified: 24-06-2021 17:49:34 ZULU", null)).isEmpty();
        assertThat(extract("북한은 2023년 4월 26일 미사일을 발사했다. Пхеньян заявил о запуске.", null)).isEmpty();
        assertThat(extract("\u0000\u0001\u0002\uFFFD\uFFFD binary \u0007 bytes", null)).isEmpty();
        String big = "Seoul and Tokyo agreed to hold talks in 2020.\n".repeat(4_000); // the service refuses documents over 2 MiB (413)
        assertThat(extract(big, null)).hasSize(4_000);
        String unpunctuated = "Seoul and Tokyo agreed to hold talks in 2020 ; ".repeat(3_000); // one 150 KB "sentence"
        assertThat(extract(unpunctuated, null)).isNotEmpty();
    }
}

package io.factline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactCorrected;
import io.factline.domain.DomainEvent.FactCorroborated;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.DomainEvent.FactRetracted;

class FactStateTest {

    private final UUID id = UUID.randomUUID();
    private final UUID doc = UUID.randomUUID();
    private final FactContent content = new FactContent(FactType.STATEMENT, FactDate.parse("2021", null, null),
            List.of(new FactActor("moon-jae-in", Role.SPEAKER)), List.of(), "Moon spoke.",
            List.of(new SourceRef(doc, "Moon said so.", 0, 13, 0.8)));

    private static FactState.Recorded at(int version) {
        return new FactState.Recorded(version, 100 + version, OffsetDateTime.parse("2026-01-0" + version + "T00:00:00Z"), "tester");
    }

    @Test
    void foldsCorrectionsRetractionsAndCorroborationsInOrder() {
        SourceRef other = new SourceRef(UUID.randomUUID(), "He said so.", 5, 16, 0.7);
        FactState state = FactState.fold(List.of(
                new FactExtracted(id, doc, "v1", content),
                new FactCorrected(id, new FactChanges(null, FactDate.parse("2021-05", null, null), null, List.of("alliance"),
                        null, null), "month known"),
                new FactCorroborated(id, other),
                new FactRetracted(id, "misread")), List.of(at(1), at(2), at(3), at(4)));

        assertThat(state.origin()).isEqualTo(FactOrigin.EXTRACTED);
        assertThat(state.version()).isEqualTo(4);
        assertThat(state.status()).isEqualTo(FactStatus.RETRACTED);
        assertThat(state.retractionReason()).isEqualTo("misread");
        assertThat(state.content().date().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(state.content().topics()).containsExactly("alliance");
        assertThat(state.content().summary()).isEqualTo("Moon spoke.");
        assertThat(state.content().sources()).hasSize(2).last().isEqualTo(other);
        assertThat(state.history()).extracting(FactState.Change::type)
                .containsExactly("FactExtracted", "FactCorrected", "FactCorroborated", "FactRetracted");
        assertThat(state.history()).extracting(FactState.Change::reason).containsExactly(null, "month known", null, "misread");
        assertThat(state.history()).extracting(FactState.Change::by).containsOnly("tester");
    }

    @Test
    void aFactStartsOnceAndChangesOnlyAfterItStarts() {
        FactState asserted = FactState.apply(null, new FactAsserted(id, content, "note"), at(1));
        assertThat(asserted.origin()).isEqualTo(FactOrigin.ASSERTED);
        assertThat(asserted.history().get(0).reason()).isEqualTo("note");
        assertThatThrownBy(() -> FactState.apply(asserted, new FactAsserted(id, content, null), at(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FactState.apply(null, new FactRetracted(id, "r"), at(1)))
                .isInstanceOf(IllegalStateException.class);
    }
}

package io.factline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.factline.domain.DomainEvent.ActorAliasAdded;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.factline.domain.DomainEvent.DocumentIngested;
import io.factline.domain.DomainEvent.FactAsserted;
import io.factline.domain.DomainEvent.FactCorrected;
import io.factline.domain.DomainEvent.FactCorroborated;
import io.factline.domain.DomainEvent.FactExtracted;
import io.factline.domain.DomainEvent.FactRetracted;
import io.factline.domain.DomainEvent.TopicDefined;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final UUID doc = UUID.randomUUID();
    private final SourceRef source = new SourceRef(doc, "They met.", 10, 19, 0.9);
    private final FactContent content = new FactContent(FactType.MEETING, FactDate.parse("2021-05", null, "in May 2021"),
            List.of(new FactActor("joe-biden", Role.HOST)), List.of("alliance"), "Biden hosted Moon.", List.of(source));

    @Test
    void everyEventTypeSurvivesTheRoundTrip() {
        UUID fact = UUID.randomUUID();
        List<DomainEvent> events = List.of(
                new DocumentIngested(doc, "abc", "text/plain", "T", "P", "June 30, 2007", LocalDate.of(2007, 6, 30), null, "text"),
                new FactExtracted(fact, doc, "v1", content),
                new FactAsserted(fact, content, "from the wire"),
                new FactCorrected(fact, new FactChanges(FactType.AGREEMENT, null, null, List.of(), null, null), "two parties"),
                new FactRetracted(fact, "duplicate"),
                new FactCorroborated(fact, source),
                new ActorRegistered("south-korea", "South Korea", ActorKind.STATE, List.of("ROK"), "Q884", null),
                new ActorAliasAdded("south-korea", "Seoul"),
                new TopicDefined("alliance", "Alliance", "The alliance"));
        for (DomainEvent event : events) {
            EventCodec.Encoded encoded = codec.encode(event);
            assertThat(encoded.type()).isEqualTo(event.getClass().getSimpleName());
            assertThat(encoded.schemaVersion()).isEqualTo(1);
            assertThat(codec.decode(encoded.type(), encoded.schemaVersion(), encoded.payloadJson())).isEqualTo(event);
        }
    }

    @Test
    void aCorrectionKeepsWhatItDoesNotChange() {
        FactCorrected correction = new FactCorrected(UUID.randomUUID(),
                new FactChanges(null, null, null, null, "new summary", null), null);
        FactCorrected read = (FactCorrected) codec.decode("FactCorrected", 1, codec.encode(correction).payloadJson());
        assertThat(read.changes().actors()).isNull();
        assertThat(content.with(read.changes()).actors()).isEqualTo(content.actors());
        assertThat(content.with(read.changes()).summary()).isEqualTo("new summary");
    }

    @Test
    void oldPayloadsWithoutNewerOptionalFieldsStayReadable() {
        DomainEvent read = codec.decode("ActorRegistered", 1, "{\"actorId\":\"x\",\"name\":\"X\",\"kind\":\"STATE\"}");
        assertThat(read).isEqualTo(new ActorRegistered("x", "X", ActorKind.STATE, List.of(), null, null));
        assertThat(codec.decode("TopicDefined", 1, "{\"topicId\":\"t\",\"name\":\"T\",\"futureField\":42}"))
                .isEqualTo(new TopicDefined("t", "T", null));
    }

    @Test
    void refusesWhatItCannotReadRatherThanGuess() {
        assertThatThrownBy(() -> codec.decode("FactRumoured", 1, "{}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> codec.decode("FactRetracted", 2, "{}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("newer than this code");
        assertThatThrownBy(() -> codec.decode("FactRetracted", 0, "{}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("no schema version 0");
        assertThatThrownBy(() -> codec.decode("FactAsserted", 1, "{\"factId\": 7"))
                .isInstanceOf(EventCodec.UnreadableEventException.class);
        assertThatThrownBy(() -> codec.decode("FactAsserted", 1,
                "{\"content\":{\"type\":\"MEETING\",\"date\":{\"precision\":\"DAY\"},\"actors\":[],\"topics\":[],\"sources\":[]}}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("needs a start");
    }

    @Test
    void metadataNamesWhoAndHow() {
        EventMetadata metadata = new EventMetadata("curator@example.org", "rest", "req-1");
        assertThat(codec.decodeMetadata(codec.encodeMetadata(metadata))).isEqualTo(metadata);
        assertThat(codec.decodeMetadata("not json")).isEqualTo(new EventMetadata(null, null, null));
    }
}

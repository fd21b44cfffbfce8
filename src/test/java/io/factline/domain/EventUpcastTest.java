package io.factline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.factline.domain.DomainEvent.TopicDefined;
import io.factline.domain.EventCodec.Upcaster;

/**
 * The upcasting mechanism, with test-only upcasters: TopicDefined as if its v1 had called the name
 * "title" and its v2 had kept the description under "about".
 */
class EventUpcastTest {

    private static final Upcaster TITLE_BECOMES_NAME =
            new Upcaster(TopicDefined.class, 1, v1 -> rename(v1, "title", "name"));
    private static final Upcaster ABOUT_BECOMES_DESCRIPTION =
            new Upcaster(TopicDefined.class, 2, v2 -> rename(v2, "about", "description"));

    private final EventCodec codec = new EventCodec(List.of(ABOUT_BECOMES_DESCRIPTION, TITLE_BECOMES_NAME));

    @Test
    void anOldPayloadIsUpcastStepByStepToTheCurrentVersion() {
        assertThat(codec.decode("TopicDefined", 1, "{\"topicId\":\"alliance\",\"title\":\"Alliance\",\"about\":\"The alliance\"}"))
                .isEqualTo(new TopicDefined("alliance", "Alliance", "The alliance"));
        assertThat(codec.decode("TopicDefined", 2, "{\"topicId\":\"alliance\",\"name\":\"Alliance\",\"about\":\"The alliance\"}"))
                .isEqualTo(new TopicDefined("alliance", "Alliance", "The alliance"));
    }

    @Test
    void theCurrentVersionIsOneMoreThanTheUpcastersAndIsReadAsItIs() {
        TopicDefined topic = new TopicDefined("alliance", "Alliance", "The alliance");
        EventCodec.Encoded encoded = codec.encode(topic);
        assertThat(encoded.schemaVersion()).isEqualTo(3);
        assertThat(codec.decode("TopicDefined", 3, encoded.payloadJson())).isEqualTo(topic);
        assertThat(codec.encode(new DomainEvent.ActorAliasAdded("south-korea", "ROK")).schemaVersion()).isEqualTo(1);
        assertThatThrownBy(() -> codec.decode("TopicDefined", 4, encoded.payloadJson()))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("newer than this code (v3)");
    }

    @Test
    void aPayloadThatIsNoObjectCannotBeUpcast() {
        assertThatThrownBy(() -> codec.decode("TopicDefined", 1, "[\"alliance\"]"))
                .isInstanceOf(EventCodec.UnreadableEventException.class).hasMessageContaining("cannot read TopicDefined v1");
    }

    @Test
    void upcastersRunFromVersionOneWithoutAGap() {
        assertThatThrownBy(() -> new EventCodec(List.of(ABOUT_BECOMES_DESCRIPTION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TopicDefined from v2 does not follow");
        assertThatThrownBy(() -> new EventCodec(List.of(TITLE_BECOMES_NAME, TITLE_BECOMES_NAME)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TopicDefined from v1 does not follow");
    }

    private static ObjectNode rename(ObjectNode node, String from, String to) {
        if (node.has(from)) {
            node.set(to, node.remove(from));
        }
        return node;
    }
}

package io.factline.extract;

import io.factline.domain.ActorKind;

/**
 * An actor no gazetteer lists, found in the text: a person named with a title or office ("Foreign
 * Minister Cho Hyun"), a body or company ("Hanwha Ocean", "Multilateral Sanctions Monitoring Team
 * (MSMT)"). {@code state} is the state it acts for where the text says so; the mention is where it
 * was first found, as offsets [mentionStart, mentionEnd) into the document's text.
 */
public record DiscoveredActor(String id, String name, ActorKind kind, String state, String alias, int mentionStart,
                              int mentionEnd) {
}

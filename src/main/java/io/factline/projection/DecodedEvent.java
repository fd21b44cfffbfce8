package io.factline.projection;

import io.factline.domain.DomainEvent;
import io.factline.domain.EventMetadata;
import io.factline.eventstore.RecordedEvent;

/** An event of the log as a batch applies it: typed, with where and when it was recorded, and by whom. */
record DecodedEvent(DomainEvent event, RecordedEvent recorded, EventMetadata metadata) {
}

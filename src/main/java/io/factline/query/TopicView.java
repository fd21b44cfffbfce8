package io.factline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A topic as the read model holds it (written only by the projector). */
@Entity
@Immutable
@Table(name = "topic_view")
public class TopicView extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String description;
    public int factCount;
}

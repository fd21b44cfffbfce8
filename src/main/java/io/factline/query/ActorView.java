package io.factline.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An actor as the read model holds it (written only by the projector). */
@Entity
@Immutable
@Table(name = "actor_view")
public class ActorView extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String kind;
    public String[] aliases;
    @Column(name = "wikidata_id")
    public String wikidataId;
    public String description;
    @Column(name = "fact_count")
    public int factCount;
}

package io.factline.query;

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
    public String wikidataId;
    public String description;
    public int factCount;
    /** Found by the extractor in a document rather than listed in the reference data. */
    public boolean discovered;
    public String actsFor;
    public java.util.UUID mentionDocument;
    public String mentionText;
    public Integer mentionStart;
    public Integer mentionEnd;
}

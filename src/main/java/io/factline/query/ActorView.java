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
    /** Found by the extractor in a document rather than listed in the reference data. */
    public boolean discovered;
    @Column(name = "acts_for")
    public String actsFor;
    @Column(name = "mention_document")
    public java.util.UUID mentionDocument;
    @Column(name = "mention_text")
    public String mentionText;
    @Column(name = "mention_start")
    public Integer mentionStart;
    @Column(name = "mention_end")
    public Integer mentionEnd;
}

package io.factline.projection;

import java.util.Arrays;

import io.factline.domain.DomainEvent.ActorAliasAdded;
import io.factline.domain.DomainEvent.ActorRegistered;
import io.vertx.mutiny.sqlclient.Tuple;

/** actor_view: one row per registered actor, with its aliases and how many active facts name it. */
final class ActorViewTable extends EntityViewTable {

    private static final String INSERT = """
            insert into actor_view (id, name, kind, aliases, wikidata_id, description, discovered, acts_for,
                                    mention_document, mention_text, mention_start, mention_end)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            on conflict (id) do nothing""";
    private static final String ADD_ALIAS = """
            update actor_view set aliases = aliases || $2::text
            where id = $1 and not ($2 = any(aliases))""";

    ActorViewTable() {
        super("actor_view", "fact_actor", "actor_id", deltas -> deltas.actorFacts);
    }

    @Override
    public void apply(DecodedEvent event, Pipeline out) {
        if (event.event() instanceof ActorRegistered a) {
            var m = a.mention();
            out.execute(INSERT, Tuple.tuple(Arrays.asList(a.actorId(), a.name(), a.kind().name(),
                    a.aliases().toArray(String[]::new), a.wikidataId(), a.description(), a.discoveredByExtractor(),
                    a.actsFor(), m == null ? null : m.documentId(), m == null ? null : m.text(),
                    m == null ? null : m.start(), m == null ? null : m.end())));
        } else if (event.event() instanceof ActorAliasAdded a) {
            out.execute(ADD_ALIAS, Tuple.of(a.actorId(), a.alias()));
        }
    }
}

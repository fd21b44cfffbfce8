package io.factline.projection;

import java.util.List;

/**
 * One read model: the table it owns and the statements that keep it up to date. A batch asks every
 * read model in turn ({@link ReadModels} lists them), phase by phase, and each adds its statements
 * to the batch's {@link Pipeline}: so a phase writes all its views in a few statements, in the
 * batch's transaction. A read model takes part only in the phases it overrides.
 */
interface ReadModel {

    /** What it owns: the rebuild empties, fills and analyses exactly these tables. */
    String table();

    /**
     * One event that is not a fact's (documents, actors, topics), in log order; facts come to
     * {@link #replaceFacts} once per batch.
     */
    default void apply(DecodedEvent event, Pipeline out) {
    }

    /**
     * The facts a batch changed: their rows now, and {@code previous}, the keys of the rows they
     * had before the batch (only for facts that existed before it).
     */
    default void replaceFacts(List<FactRow> previous, List<FactRow> current, Pipeline out) {
    }

    /** A batch's changes to the counts; only the live projection has them (a rebuild recounts). */
    default void applyCounts(CountDeltas deltas, Pipeline out) {
    }

    /** After a rebuild's replay: counts everything again from the fact rows, by the rules of {@link CountDeltas}. */
    default void recount(Pipeline out) {
    }

    /** DELETE, not TRUNCATE: TRUNCATE would lock readers out until the rebuild commits. */
    default void reset(Pipeline out) {
        out.execute("delete from " + table());
    }
}

package io.factline.api.graphql.plan;

import io.smallrye.mutiny.Uni;

/** A field of an answer that reads: its reads, how many facts they gave (for the response budget), its JSON. */
interface FieldAnswer {

    Uni<Void> read(Reads reads, boolean counted);

    int size();

    void write(JsonText out);
}

package io.factline.api.graphql;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.factline.api.graphql.Types.FactConnection;
import io.factline.query.FactQueries;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class ConnectionResolvers {

    @Inject
    FactQueries facts;

    @Description("How many facts match, over all pages. It costs a count: ask only when it is needed.")
    public Uni<Long> totalCount(@Source FactConnection connection) {
        return Errors.guarded(() -> facts.count(connection.filter()));
    }
}

package io.factline.api.graphql;

import java.util.List;
import java.util.UUID;

import io.factline.api.graphql.Inputs.DocumentInput;
import io.factline.api.graphql.Inputs.FactCorrectionInput;
import io.factline.api.graphql.Inputs.FactFilterInput;
import io.factline.api.graphql.Types.Fact;
import io.factline.api.graphql.Types.FactConnection;
import io.factline.api.graphql.Types.FactEdge;
import io.factline.api.graphql.Types.PageInfo;
import io.factline.curation.FactCorrection;
import io.factline.curation.FactAssertion;
import io.factline.domain.InvalidFactException;
import io.factline.domain.NotFoundException;
import io.factline.ingest.DocumentSubmission;
import io.factline.projection.FactDoc;
import io.factline.query.FactFilter;
import io.factline.query.FactQueries;
import io.factline.query.Page;

/** From GraphQL inputs to the commands' and queries' types, and from pages to connections. */
public final class Convert {

    private Convert() {
    }

    static FactFilter filter(FactFilterInput in) {
        if (in == null) {
            return FactFilter.ALL;
        }
        return new FactFilter(in.actors(), in.topics(), in.types(), in.from(), in.to(),
                in.document() == null ? null : uuid("filter.document", in.document()), in.text(),
                Boolean.TRUE.equals(in.includeRetracted()));
    }

    static FactConnection connection(Page<FactDoc> page, FactFilter filter) {
        List<FactEdge> edges = page.items().stream().map(d -> {
            String cursor = FactQueries.cursorOf(d).encode();
            return new FactEdge(Fact.of(d, cursor), cursor);
        }).toList();
        return new FactConnection(edges, new PageInfo(page.hasNext(), false,
                edges.isEmpty() ? null : edges.get(0).cursor(), page.endCursor()), filter);
    }

    static DocumentSubmission submission(DocumentInput in) {
        return DocumentSubmission.of(in.text(), in.html(), in.title(), in.publisher(), in.published(),
                in.publishedDate(), in.url());
    }

    static FactAssertion fact(Inputs.FactInput in) {
        return new FactAssertion(in.id() == null ? null : uuid("id", in.id()), in.type(), date(in.date()), actors(in.actors()),
                in.topics(), in.summary(), sources(in.sources()), in.note());
    }

    static FactCorrection correction(FactCorrectionInput in) {
        return new FactCorrection(in.type(), date(in.date()), actors(in.actors()), in.topics(), in.summary(),
                sources(in.sources()), in.reason());
    }

    private static FactAssertion.DateSpec date(Inputs.DateInput in) {
        return in == null ? null : FactAssertion.DateSpec.of(in.value(), in.precision(), in.text());
    }

    private static List<FactAssertion.ActorRole> actors(List<Inputs.ActorRoleInput> in) {
        return in == null ? null : in.stream().map(a -> new FactAssertion.ActorRole(a.actor(), a.role())).toList();
    }

    private static List<FactAssertion.Passage> sources(List<Inputs.SourceInput> in) {
        return in == null ? null : in.stream().map(s -> new FactAssertion.Passage(uuid("sources.document", s.document()),
                s.quote(), s.start(), s.end(), s.confidence())).toList();
    }

    /** An id as GraphQL reads one: a UUID, or null where it is none (so it names nothing). */
    public static UUID uuidOrNull(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID existingFactId(String id) {
        UUID uuid = uuidOrNull(id);
        if (uuid == null) {
            throw new NotFoundException("fact", id);
        }
        return uuid;
    }

    private static UUID uuid(String field, String value) {
        UUID uuid = uuidOrNull(value);
        if (uuid == null) {
            throw new InvalidFactException(field + " is an id such as 2f1c…, not '" + value + "'");
        }
        return uuid;
    }
}

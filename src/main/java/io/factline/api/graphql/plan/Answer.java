package io.factline.api.graphql.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import io.factline.api.graphql.plan.Plan.NotAnswered;
import io.factline.api.graphql.plan.Plan.Selected;
import io.factline.domain.FactType;
import io.factline.query.Cursor;
import io.factline.query.FactFilter;
import io.factline.query.PageSize;
import io.smallrye.mutiny.Uni;

/**
 * Runs a {@link Plan} for one request: its variables coerced as graphql-java coerces them, one read per
 * {@code facts} field (and one count where {@code totalCount} is asked; a root actor, topic or document
 * looked up first), and the answer written from the
 * stored documents, pruned to the selection, as SmallRye writes graphql-java's result. Anything that would
 * make graphql-java answer with an error (a bad cursor, page size or filter, the response budget spent)
 * fails with {@link NotAnswered}, and graphql-java answers it.
 */
final class Answer {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Answer() {
    }

    /** {@code coerced}: the variables already coerced for this operation (by the gate), or null to coerce {@code rawVariables}. */
    static Uni<String> of(Plan plan, CoercedVariables coerced, Map<String, Object> rawVariables, Reads reads,
                          boolean counted, int maxObjects) {
        List<Selected> root;
        List<FieldAnswer> answers = new ArrayList<>(); // one per root field but __typename, in order
        try {
            CoercedVariables variables = coerced != null ? coerced : ValuesResolver.coerceVariableValues(plan.schema,
                    plan.operation.getVariableDefinitions(), RawVariables.of(rawVariables == null ? Map.of() : rawVariables),
                    GraphQLContext.getDefault(), Locale.ENGLISH);
            root = plan.root(variables);
            for (Selected field : root) {
                switch (field.name()) {
                    case "__typename" -> {
                    }
                    case "facts" -> {
                        Map<String, Object> arguments = arguments(field, variables);
                        answers.add(connection(field, arguments, filter(arguments.get("filter"))));
                    }
                    default -> answers.add(ParentAnswer.of(field, variables));
                }
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e instanceof NotAnswered ? e : new NotAnswered(e.toString()));
        }
        Uni<Void> done = Uni.createFrom().voidItem();
        for (FieldAnswer answer : answers) {
            done = done.chain(() -> answer.read(reads, counted));
        }
        return done.map(ignored -> {
            int objects = 0;
            for (FieldAnswer answer : answers) {
                objects += answer.size();
            }
            if (objects > maxObjects) {
                throw new NotAnswered("over the response budget");
            }
            JsonText out = new JsonText(4096 + objects * 1024);
            out.beginObject().name("data").beginObject();
            int next = 0;
            for (Selected field : root) {
                out.name(field.key());
                if (field.name().equals("__typename")) {
                    out.string("Query");
                } else {
                    answers.get(next++).write(out);
                }
            }
            return out.endObject().endObject().toString();
        });
    }

    static Map<String, Object> arguments(Selected field, CoercedVariables variables) {
        return ValuesResolver.getArgumentValues(field.definition().getArguments(), field.field().getArguments(), variables,
                GraphQLContext.getDefault(), Locale.ENGLISH);
    }

    /** A connection as graphql-java's resolver reads it; its page size, cursor or filter refused: graphql-java's to answer. */
    static ConnectionAnswer connection(Selected field, Map<String, Object> arguments, FactFilter filter) {
        String after = (String) arguments.get("after");
        Cursor.decode(after); // a cursor this service did not give out is graphql-java's to answer
        return new ConnectionAnswer(field, filter, PageSize.of((Integer) arguments.get("first")), after);
    }

    /** FactFilterInput as Convert reads it. */
    @SuppressWarnings("unchecked")
    static FactFilter filter(Object given) {
        if (given == null) {
            return FactFilter.ALL;
        }
        Map<String, Object> in = (Map<String, Object>) given;
        Object document = in.get("document");
        List<FactType> types = null;
        if (in.get("types") != null) {
            types = new ArrayList<>();
            for (Object type : (List<Object>) in.get("types")) {
                types.add(type == null ? null : type instanceof FactType t ? t : FactType.valueOf(type.toString()));
            }
        }
        return new FactFilter((List<String>) in.get("actors"), (List<String>) in.get("topics"), types,
                date(in.get("from")), date(in.get("to")), document == null ? null : UUID.fromString((String) document),
                (String) in.get("text"), Boolean.TRUE.equals(in.get("includeRetracted")));
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text && ISO_DATE.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        throw new NotAnswered("a date graphql-java reads: " + value.getClass().getName());
    }
}

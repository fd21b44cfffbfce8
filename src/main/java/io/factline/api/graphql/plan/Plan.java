package io.factline.api.graphql.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.execution.CoercedVariables;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.Validator;

/**
 * A query operation, parsed and validated, whose every field a compiled plan can answer: the root's
 * {@code facts} connections, down through their edges, page info, total count and the fact documents'
 * own fields; and the root's {@code actor}, {@code topic} and {@code document} with their own fields and
 * {@code facts} connections. What a plan cannot answer — any other field, a mutation, a subscription, a directive other
 * than {@code @skip}/{@code @include}, a document graphql-java would not validate — has no plan.
 */
final class Plan {

    /** What a plan answers, per type: fields read from the stored fact document or its page. */
    private static final Map<String, Set<String>> ANSWERED = Map.ofEntries(
            Map.entry("Query", Set.of("facts", "actor", "topic", "document")),
            Map.entry("FactConnection", Set.of("edges", "pageInfo", "totalCount")),
            Map.entry("FactEdge", Set.of("cursor", "node")),
            Map.entry("PageInfo", Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor")),
            Map.entry("Fact", Set.of("id", "type", "status", "origin", "version", "date", "summary", "actors", "topics",
                    "sources", "history", "retractionReason", "recordedAt", "updatedAt", "extraction")),
            Map.entry("FactDate", Set.of("start", "end", "precision", "text")),
            Map.entry("FactActor", Set.of("actor", "role")),
            // the parts of a fact's actors, topics and documents its document holds; the rest is read by resolvers
            Map.entry("Actor", Set.of("id", "name", "kind")),
            Map.entry("Topic", Set.of("id", "name")),
            Map.entry("Source", Set.of("document", "quote", "start", "end", "confidence")),
            Map.entry("Document", Set.of("id", "title")),
            Map.entry("HistoryEntry", Set.of("version", "type", "at", "by", "reason")),
            Map.entry("Extraction", Set.of("extractorVersion", "cameo", "plover", "target")));

    /**
     * What a plan answers of a root {@code actor}, {@code topic} or {@code document}: the fields of its view
     * and its facts connections. (Below a fact, the same types answer only what the fact document holds.)
     */
    private static final Map<String, Set<String>> ANSWERED_AT_ROOT = Map.of(
            "Actor", Set.of("id", "name", "kind", "facts"),
            "Topic", Set.of("id", "name", "facts"),
            "Document", Set.of("id", "title", "facts"));

    private static final String TYPENAME = "__typename";

    final GraphQLSchema schema;
    final OperationDefinition operation;
    final Map<String, FragmentDefinition> fragments;
    /** Whether some selection has {@code @skip} or {@code @include}: then the fields depend on the variables. */
    private boolean conditional;
    /** The root fields, collected once where they do not depend on the variables (no conditions); else null. */
    private List<Selected> fixedRoot;

    private Plan(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.operation = operation;
        this.fragments = fragments;
    }

    /** The plan of an operation, or null where graphql-java is to answer it. */
    static Plan compile(GraphQLSchema schema, Document document, String operationName) {
        if (!new Validator().validateDocument(schema, document, Locale.ENGLISH).isEmpty()) {
            return null;
        }
        OperationDefinition operation = null;
        int operations = 0;
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition o) {
                operations++;
                if (operationName == null || operationName.equals(o.getName())) {
                    operation = o;
                }
            } else if (definition instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            } else {
                return null;
            }
        }
        if (operation == null || operationName == null && operations != 1
                || operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()) {
            return null;
        }
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (!variable.getDirectives().isEmpty()) {
                return null;
            }
        }
        for (FragmentDefinition fragment : fragments.values()) {
            if (!fragment.getDirectives().isEmpty()) {
                return null;
            }
        }
        Plan plan = new Plan(schema, operation, fragments);
        boolean[] reads = {false};
        if (!plan.answerable(schema.getQueryType(), false, operation.getSelectionSet(), new HashSet<>(), reads) || !reads[0]) {
            return null;
        }
        if (!plan.conditional) {
            plan.fixedRoot = plan.root(CoercedVariables.emptyVariables());
        }
        return plan;
    }

    /**
     * Whether a plan answers every field of the selection, whatever the variables (directives left aside).
     * {@code root}: the type is a root field's (an actor, topic or document looked up by id).
     */
    private boolean answerable(GraphQLObjectType type, boolean root, SelectionSet selections, Set<String> inFragments,
                               boolean[] reads) {
        Set<String> answered = (root ? ANSWERED_AT_ROOT : ANSWERED).get(type.getName());
        if (answered == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (!conditionsOnly(field.getDirectives())) {
                    return false;
                }
                if (field.getName().equals(TYPENAME)) {
                    continue;
                }
                if (!answered.contains(field.getName())) {
                    return false;
                }
                boolean atQuery = type == schema.getQueryType();
                reads[0] |= atQuery;
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(type.getFieldDefinition(field.getName()).getType());
                if (fieldType instanceof GraphQLObjectType object) {
                    boolean rootField = atQuery && !field.getName().equals("facts");
                    if (field.getSelectionSet() == null
                            || !answerable(object, rootField, field.getSelectionSet(), inFragments, reads)) {
                        return false;
                    }
                }
            } else if (selection instanceof InlineFragment inline) {
                if (!conditionsOnly(inline.getDirectives()) || inline.getTypeCondition() != null
                        && !inline.getTypeCondition().getName().equals(type.getName())
                        || !answerable(type, root, inline.getSelectionSet(), inFragments, reads)) {
                    return false;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (!conditionsOnly(spread.getDirectives()) || fragment == null
                        || !fragment.getTypeCondition().getName().equals(type.getName())) {
                    return false;
                }
                if (inFragments.add(spread.getName() + '@' + type.getName() + (root ? "@root" : ""))
                        && !answerable(type, root, fragment.getSelectionSet(), inFragments, reads)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private boolean conditionsOnly(List<Directive> directives) {
        conditional |= !directives.isEmpty();
        for (Directive directive : directives) {
            if (!directive.getName().equals("skip") && !directive.getName().equals("include")) {
                return false;
            }
        }
        return true;
    }

    /** A field of the response: its key (alias or name), its name, its arguments' first field and what is selected below it. */
    record Selected(String key, String name, Field field, GraphQLFieldDefinition definition, List<Selected> below) {
    }

    /** The operation's root fields for these variables, as graphql-java collects them: merged by key, in order. */
    List<Selected> root(CoercedVariables variables) {
        if (fixedRoot != null) {
            return fixedRoot;
        }
        return collect(schema.getQueryType(), List.of(operation.getSelectionSet()), variables);
    }

    private List<Selected> collect(GraphQLObjectType type, List<SelectionSet> sets, CoercedVariables variables) {
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        for (SelectionSet set : sets) {
            collectInto(type, set, byKey, visited, variables);
        }
        List<Selected> selected = new ArrayList<>(byKey.size());
        byKey.forEach((key, fields) -> {
            Field first = fields.get(0);
            if (first.getName().equals(TYPENAME)) {
                selected.add(new Selected(key, TYPENAME, first, null, List.of()));
                return;
            }
            GraphQLFieldDefinition definition = type.getFieldDefinition(first.getName());
            List<Selected> below = List.of();
            if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType object) {
                List<SelectionSet> subsets = new ArrayList<>(fields.size());
                for (Field field : fields) {
                    if (field.getSelectionSet() != null) {
                        subsets.add(field.getSelectionSet());
                    }
                }
                below = collect(object, subsets, variables);
            }
            selected.add(new Selected(key, first.getName(), first, definition, below));
        });
        return selected;
    }

    private void collectInto(GraphQLObjectType type, SelectionSet set, Map<String, List<Field>> byKey, Set<String> visited,
                             CoercedVariables variables) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (included(field.getDirectives(), variables)) {
                    byKey.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>(1)).add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                if (included(inline.getDirectives(), variables)) {
                    collectInto(type, inline.getSelectionSet(), byKey, visited, variables);
                }
            } else if (selection instanceof FragmentSpread spread) {
                if (!visited.contains(spread.getName()) && included(spread.getDirectives(), variables)) {
                    visited.add(spread.getName());
                    collectInto(type, fragments.get(spread.getName()).getSelectionSet(), byKey, visited, variables);
                }
            }
        }
    }

    /** graphql-java's rule: not when {@code @skip(if: true)}, and not unless {@code @include(if: true)} where it is given. */
    private static boolean included(List<Directive> directives, CoercedVariables variables) {
        boolean included = true;
        for (Directive directive : directives) {
            boolean condition = condition(directive, variables);
            if (directive.getName().equals("skip") && condition || directive.getName().equals("include") && !condition) {
                included = false;
            }
        }
        return included;
    }

    private static boolean condition(Directive directive, CoercedVariables variables) {
        var argument = directive.getArgument("if");
        Value<?> value = argument == null ? null : argument.getValue();
        if (value instanceof BooleanValue literal) {
            return literal.isValue();
        }
        if (value instanceof VariableReference reference && variables.get(reference.getName()) instanceof Boolean given) {
            return given;
        }
        throw new NotAnswered("a condition without a value");
    }

    /** The plan cannot answer this request as graphql-java would: graphql-java answers it. */
    static final class NotAnswered extends RuntimeException {
        NotAnswered(String why) {
            super(why, null, false, false);
        }
    }
}

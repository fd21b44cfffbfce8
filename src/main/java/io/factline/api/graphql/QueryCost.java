package io.factline.api.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a query would cost, read from its text before it runs: how many fields it selects, how deep
 * it goes and about how many objects it would return (the elements of its lists) — through aliases and every fragment spread,
 * each spread counted where it is spread (a fragment spread twice costs twice). Lists count as many
 * objects as their page asks ({@code first}, a variable's worst case {@link #MAX_PAGE}, else
 * {@link #DEFAULT_PAGE}). Introspection ({@code __schema}, {@code __type}) reads only the schema and
 * costs nothing. Fragments are costed once each and the sums saturate, so a query built to explode
 * costs its analysis no more than a plain one.
 */
final class QueryCost {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final long CAP = Long.MAX_VALUE / 4;

    /** What a selection costs: fields selected, objects returned (per parent object), and depth below it. */
    record Cost(long fields, long objects, int depth) {
        static final Cost NONE = new Cost(0, 0, 0);

        Cost plus(Cost other) {
            return new Cost(add(fields, other.fields), add(objects, other.objects), Math.max(depth, other.depth));
        }
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Cost> costed = new HashMap<>();
    private final Set<String> costing = new HashSet<>();

    private QueryCost(GraphQLSchema schema, Document document) {
        this.schema = schema;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
    }

    /** The cost of the operation that would run, or none when it cannot be told (validation will say why). */
    static Cost of(GraphQLSchema schema, Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition chosen = null;
        for (OperationDefinition o : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(o.getName())) {
                chosen = o;
            }
        }
        if (chosen == null) {
            return Cost.NONE;
        }
        GraphQLFieldsContainer root = switch (chosen.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return root == null ? Cost.NONE : new QueryCost(schema, document).selection(chosen.getSelectionSet(), root, 0);
    }

    /** {@code page}: the page of the connection this selection is in (its lists hold that many), or 0. */
    private Cost selection(SelectionSet set, GraphQLFieldsContainer parent, long page) {
        Cost total = Cost.NONE;
        if (set == null) {
            return total;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field field) {
                total = total.plus(field(field, parent, page));
            } else if (s instanceof InlineFragment inline) {
                total = total.plus(selection(inline.getSelectionSet(), typeOf(inline.getTypeCondition() == null ? null
                        : inline.getTypeCondition().getName(), parent), page));
            } else if (s instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName(), parent, page));
            }
        }
        return total;
    }

    private Cost fragment(String name, GraphQLFieldsContainer parent, long page) {
        String key = name + "@" + page;
        Cost known = costed.get(key);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !costing.add(name)) { // unknown or cyclic: validation refuses it
            return Cost.NONE;
        }
        Cost cost = selection(definition.getSelectionSet(), typeOf(definition.getTypeCondition().getName(), parent), page);
        costing.remove(name);
        costed.put(key, cost);
        return cost;
    }

    private Cost field(Field field, GraphQLFieldsContainer parent, long connectionPage) {
        if (field.getName().startsWith("__")) {
            return new Cost(1, 0, 0); // introspection reads the schema, not the data
        }
        GraphQLFieldDefinition definition = parent == null ? null : parent.getFieldDefinition(field.getName());
        if (definition == null) {
            return new Cost(1, 0, 1);
        }
        GraphQLOutputType type = definition.getType();
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLFieldsContainer container)) {
            return new Cost(1, 0, 1);
        }
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        boolean paged = definition.getArgument("first") != null;
        long many = !list ? 1 : paged ? page(field) : connectionPage > 0 ? connectionPage : DEFAULT_PAGE;
        long childPage = !list && paged ? page(field) : 0; // a connection: its page sizes the edges below it
        Cost below = selection(field.getSelectionSet(), container, childPage);
        long objects = list ? times(many, add(1, below.objects())) : below.objects(); // each element of a list is one
        return new Cost(add(1, below.fields()), objects, below.depth() + 1);
    }

    /** The page a list field (or a connection) asks for. */
    private static long page(Field field) {
        for (Argument a : field.getArguments()) {
            if (a.getName().equals("first")) {
                if (a.getValue() instanceof IntValue literal) {
                    return Math.max(0, Math.min(literal.getValue().longValue(), CAP));
                }
                if (a.getValue() instanceof VariableReference) {
                    return MAX_PAGE;
                }
            }
        }
        return DEFAULT_PAGE;
    }

    private GraphQLFieldsContainer typeOf(String name, GraphQLFieldsContainer otherwise) {
        if (name == null) {
            return otherwise;
        }
        return schema.getType(name) instanceof GraphQLFieldsContainer container ? container : null;
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}

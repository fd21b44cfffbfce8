package io.factline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import graphql.introspection.IntrospectionQueryBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Front-end tools read the schema with an introspection query whose type references nest deeper than
 * any data query may (graphql-js's getIntrospectionQuery, as GraphiQL and codegen send it): the
 * budgets guard data, not the schema. The queries are graphql-java's builds of the same text, with
 * the options those tools switch on.
 */
@QuarkusTest
class GraphQLIntrospectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "graphiql", "codegen"})
    void theSchemaIsReadWithTheIntrospectionQueryToolsSend(String tool) {
        IntrospectionQueryBuilder.Options options = IntrospectionQueryBuilder.Options.defaultOptions();
        options = switch (tool) {
            // GraphiQL 3: descriptions, schema description, deprecated input values, repeatable directives
            case "graphiql" -> options.descriptions(true).schemaDescription(true).inputValueDeprecation(true)
                    .directiveIsRepeatable(true).specifiedByUrl(true);
            // graphql-codegen's loader: no descriptions, the deepest type references
            case "codegen" -> options.descriptions(false).typeRefFragmentDepth(9);
            default -> options;
        };
        String query = IntrospectionQueryBuilder.build(options);
        given().contentType(ContentType.JSON).body(Map.of("query", query, "operationName", "IntrospectionQuery"))
                .post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", org.hamcrest.Matchers.equalTo("Query"))
                .body("data.__schema.types.name", hasItems("Fact", "Actor", "Topic", "Document", "FactFilter"));
    }
}

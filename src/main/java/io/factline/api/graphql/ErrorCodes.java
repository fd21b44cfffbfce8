package io.factline.api.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.ErrorClassification;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.UnknownOperationException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import io.factline.api.Failure;
import io.factline.api.FailureKind;

/**
 * Every GraphQL error leaves with {@code extensions.code}, one of the documented set: a resolver's
 * failure, a parse or validation error, a value that cannot be coerced, each by its kind in the
 * failure table ({@link FailureKind}); anything else INTERNAL_SERVER_ERROR.
 */
@ApplicationScoped
public class ErrorCodes {

    void addTo(@Observes GraphQL.Builder builder) {
        Instrumentation existing = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(existing, new Coding())));
    }

    static final class Coding extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> coded = new ArrayList<>();
            String cause = null; // a null where none may be follows another failure: it takes that one's code
            for (GraphQLError e : result.getErrors()) {
                if (!(e instanceof NonNullableFieldWasNullError) && cause == null) {
                    cause = codeOf(e);
                }
            }
            for (GraphQLError e : result.getErrors()) {
                coded.add(new Coded(e, e instanceof NonNullableFieldWasNullError && cause != null ? cause : codeOf(e)));
            }
            return CompletableFuture.completedFuture(result.transform(r -> r.errors(coded)));
        }
    }

    static String codeOf(GraphQLError error) {
        Object given = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (given instanceof String code) {
            return code;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return codeOf(fetching.getException());
        }
        return kindOf(error).graphqlCode();
    }

    /** graphql-java's own errors, before or while the query runs. */
    private static FailureKind kindOf(GraphQLError error) {
        if (error instanceof InvalidSyntaxError) {
            return FailureKind.GRAPHQL_PARSE_FAILED;
        }
        if (error instanceof ValidationError && !error.getMessage().startsWith("Validation error")) {
            return FailureKind.INVALID_VALUE; // raised by SmallRye while running, on an argument's value (a date that is no date)
        }
        if (error instanceof ValidationError || error instanceof UnknownOperationException) {
            return FailureKind.GRAPHQL_VALIDATION_FAILED;
        }
        ErrorClassification type = error.getErrorType();
        if (type != null && type.toString().equals("ValidationError")) {
            return FailureKind.INVALID_VALUE; // a variable's value that cannot be coerced
        }
        if (type != null && type.toString().equals("ExecutionAborted")) {
            return FailureKind.TOO_COSTLY;
        }
        return FailureKind.INTERNAL;
    }

    static String codeOf(Throwable failure) {
        Throwable translated = Errors.translate(failure);
        if (translated instanceof Errors.Refused refused) {
            return refused.kind.graphqlCode();
        }
        if (translated instanceof CoercingParseValueException || translated instanceof CoercingParseLiteralException) {
            return FailureKind.INVALID_VALUE.graphqlCode();
        }
        return Failure.of(failure).kind().graphqlCode(); // what translate leaves: INTERNAL or UNAVAILABLE
    }

    /** The error as it was, with its code among its extensions. */
    static final class Coded implements GraphQLError {
        private final GraphQLError error;
        private final Map<String, Object> extensions;

        Coded(GraphQLError error, String code) {
            this.error = error;
            this.extensions = new LinkedHashMap<>();
            if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
            }
            if (error.getErrorType() != null) {
                extensions.putIfAbsent("classification", error.getErrorType().toString());
            }
            extensions.put("code", code);
        }

        @Override
        public String getMessage() {
            return error.getMessage();
        }

        @Override
        public List<SourceLocation> getLocations() {
            return error.getLocations();
        }

        @Override
        public ErrorClassification getErrorType() {
            return error.getErrorType();
        }

        @Override
        public List<Object> getPath() {
            return error.getPath();
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }
    }
}

package io.factline.api.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.factline.domain.DatePrecision;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/** The GraphQL input types. */
public final class Inputs {

    private Inputs() {
    }

    @Input("FactFilter")
    @Description("Facts involving every listed actor and topic, of any listed type, dated within [from, to].")
    public record FactFilterInput(List<String> actors, List<String> topics, List<FactType> types, LocalDate from,
                                  LocalDate to, String document, String text,
                                  @DefaultValue("false") Boolean includeRetracted) {
    }

    @Input("DocumentInput")
    @Description("A document: exactly one of text or html.")
    public record DocumentInput(String text, String html, String title, String publisher,
                                @Description("The date as printed on the page.") String published,
                                LocalDate publishedDate, String url) {
    }

    @Input("DateInput")
    public record DateInput(@Description("2020, 2020-11 or 2020-11-12; absent for an unknown date") String value,
                            DatePrecision precision, String text) {
    }

    @Input("ActorRoleInput")
    public record ActorRoleInput(@NonNull String actor, @NonNull Role role) {
    }

    @Input("SourceInput")
    @Description("A passage of a stored document: by offsets, by quote, or both.")
    public record SourceInput(@NonNull String document, String quote, Integer start, Integer end, Double confidence) {
    }

    @Input("FactInput")
    public record FactInput(String id, @NonNull FactType type, DateInput date, @NonNull List<@NonNull ActorRoleInput> actors,
                            List<String> topics, @NonNull String summary, @NonNull List<@NonNull SourceInput> sources,
                            String note) {
    }

    @Input("FactCorrectionInput")
    @Description("Each field given replaces the fact's value.")
    public record FactCorrectionInput(FactType type, DateInput date, List<ActorRoleInput> actors, List<String> topics,
                                      String summary, List<SourceInput> sources, String reason) {
    }
}

package io.factline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.factline.domain.ConflictException;
import io.factline.domain.InvalidFactException;
import io.factline.domain.NotFoundException;
import io.factline.domain.StaleVersionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/** The failure table against the README's two error tables, and the classification of representative failures. */
class FailureTableTest {

    private static final Pattern REST_ROW = Pattern.compile("^\\| ([\\d, ]+) \\| (`/problems/.*?`) \\|");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void everyProblemKindHasItsOwnTypeAndTheStatusTheReadmeGivesIt() throws IOException {
        Map<String, Integer> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = REST_ROW.matcher(line);
            if (row.find()) {
                List<String> statuses = Arrays.stream(row.group(1).split(",")).map(String::strip).toList();
                List<String> types = backticked(row.group(2));
                for (int i = 0; i < types.size(); i++) {
                    documented.put(types.get(i), Integer.valueOf(statuses.get(Math.min(i, statuses.size() - 1))));
                }
            }
        }
        Map<String, Integer> table = Arrays.stream(FailureKind.values()).filter(k -> k.type() != null)
                .collect(Collectors.toMap(FailureKind::type, FailureKind::status)); // throws on a type used twice
        assertThat(table).isEqualTo(documented);
        assertThat(Arrays.stream(FailureKind.values()).filter(k -> k.type() != null)).allMatch(k -> k.title() != null);
    }

    @Test
    void everyGraphQLCodeIsOneTheReadmeListsAndEveryListedOneIsGiven() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String codeTable = readme.substring(readme.indexOf("**Every error carries `extensions.code`**"),
                readme.indexOf("**Costly queries are refused"));
        Set<String> documented = new TreeSet<>();
        codeTable.lines().filter(l -> l.strip().startsWith("| `"))
                .forEach(l -> documented.addAll(backticked(l.strip().split(" \\| ")[0])));
        Set<String> given = Arrays.stream(FailureKind.values()).map(FailureKind::graphqlCode).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).hasSizeGreaterThanOrEqualTo(15);
        assertThat(given).isEqualTo(documented);
    }

    @Test
    void aRefusedTokenAndAnOutageSayWhatToDoNext() {
        assertThat(FailureKind.UNAUTHENTICATED.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"factline\"");
        assertThat(FailureKind.INVALID_TOKEN.headers())
                .containsEntry("WWW-Authenticate", "Bearer realm=\"factline\", error=\"invalid_token\"");
        assertThat(FailureKind.UNAVAILABLE.headers()).containsEntry("Retry-After", "2");
        assertThat(FailureKind.NOT_FOUND.headers()).isEmpty();
    }

    @Test
    void domainAndSecurityFailuresAreTheirKinds() {
        assertThat(Failure.of(new NotFoundException("fact", "x"))).extracting(Failure::kind, Failure::title)
                .containsExactly(FailureKind.NOT_FOUND, "Not found");
        assertThat(Failure.of(new NotFoundException("fact", "x")).detail()).contains("x");
        assertThat(Failure.of(new StaleVersionException("fact x", 2, 3)).kind()).isEqualTo(FailureKind.STALE_VERSION);
        assertThat(Failure.of(new ConflictException("retracted")).kind()).isEqualTo(FailureKind.CONFLICT);
        assertThat(Failure.of(new InvalidFactException("no such actor")))
                .isEqualTo(new Failure(FailureKind.INVALID_VALUE, "no such actor"));
        assertThat(Failure.of(new AuthenticationFailedException()))
                .isEqualTo(new Failure(FailureKind.INVALID_TOKEN, Failure.TOKEN_REFUSED));
        assertThat(Failure.of(new UnauthorizedException()).kind()).isEqualTo(FailureKind.UNAUTHENTICATED);
        assertThat(Failure.of(new ForbiddenException("needs curate")))
                .isEqualTo(new Failure(FailureKind.FORBIDDEN, "needs curate"));
    }

    @Test
    void theDatabaseAwayIsAnOutageAndAValueItRefusesIsTheClients() {
        PgException lost = new PgException("terminating connection", "FATAL", "57P01", null);
        assertThat(Failure.of(new RuntimeException("wrapped", lost)).kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(Failure.of(new ConnectException("Connection refused")).kind()).isEqualTo(FailureKind.UNAVAILABLE);
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        assertThat(Failure.of(new IllegalStateException(nul))).isEqualTo(new Failure(FailureKind.INVALID_VALUE,
                "a value cannot be stored: invalid byte sequence for encoding \"UTF8\": 0x00"));
        PgException quoting = new PgException("invalid input syntax for type uuid: \"Connection refused\"", "ERROR", "22P02", null);
        assertThat(Failure.of(quoting).kind()).isEqualTo(FailureKind.INVALID_VALUE);
        assertThat(Failure.of(new PgException("syntax error", "ERROR", "42601", null)))
                .isEqualTo(new Failure(FailureKind.INTERNAL, Failure.OUR_FAULT));
        assertThat(Failure.of(new IllegalStateException("a bug")).kind()).isEqualTo(FailureKind.INTERNAL);
    }

    record Body(int count) {
    }

    @Test
    void jsonThatCannotBeReadIsMalformedAndAValueThatIsNoneIsInvalid() {
        ObjectMapper json = new ObjectMapper();
        Failure syntax = Failure.of(catchThrowable(() -> json.readValue("{\"count\": 1,}", Body.class)));
        assertThat(syntax.kind()).isEqualTo(FailureKind.MALFORMED_REQUEST);
        assertThat(syntax.title()).isEqualTo("Malformed request"); // one title per problem type
        assertThat(syntax.detail()).contains("(line 1, column 13)");

        Failure notANumber = Failure.of(catchThrowable(() -> json.readValue("{\"count\": \"many\"}", Body.class)));
        assertThat(notANumber).isEqualTo(new Failure(FailureKind.INVALID_VALUE, "'many' is not a valid int at count"));

        Failure wrongType = Failure.of(catchThrowable(() -> json.readValue("{\"count\": [1]}", Body.class)));
        assertThat(wrongType.kind()).isEqualTo(FailureKind.MALFORMED_REQUEST);
        assertThat(wrongType.detail()).startsWith("count: ");
    }

    @Test
    void outsideTheResourcesOnlyCredentialsTheDatabaseOrWeFail() {
        assertThat(Failure.outside(new ConnectException("Connection refused")))
                .isEqualTo(new Failure(FailureKind.UNAVAILABLE, "the database cannot be reached just now; try again in a few seconds"));
        assertThat(Failure.outside(new NotFoundException("fact", "x"))).isEqualTo(new Failure(FailureKind.INTERNAL, Failure.OUR_FAULT));
        assertThat(Failure.outside(null).kind()).isEqualTo(FailureKind.INTERNAL);
        assertThat(Failure.outside(new AuthenticationFailedException()).kind()).isEqualTo(FailureKind.INVALID_TOKEN);
    }

    private static List<String> backticked(String text) {
        Matcher m = BACKTICKED.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

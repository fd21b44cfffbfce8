package io.factline.api.battery;

import static io.factline.api.battery.RestBadInputs.INVALID;
import static io.factline.api.battery.RestBadInputs.MALFORMED;
import static io.factline.api.battery.RestBadInputs.with;

import java.util.ArrayList;
import java.util.List;

/**
 * Facts in the shape they are served in, posted back wrong: a date whose start and end are not what
 * its precision gives, both forms of a date at once, fields a served fact does not have either.
 */
final class RestServedShapeInputs {

    /** A fact as GET /api/facts/{id} serves one (read-only fields included), valid as it stands. */
    static final String SERVED = "{\"id\":\"{fact}\",\"type\":\"AGREEMENT\",\"status\":\"ACTIVE\",\"origin\":\"ASSERTED\","
            + "\"version\":1,\"date\":{\"start\":\"2021-05-01\",\"end\":\"2021-05-31\",\"precision\":\"MONTH\",\"text\":null},"
            + "\"summary\":\"Battery {uniq}\",\"actors\":[{\"actor\":{\"id\":\"moon-jae-in\",\"name\":\"Moon Jae-in\",\"kind\":\"PERSON\"},"
            + "\"role\":\"PARTY\"}],\"topics\":[{\"id\":\"north-korea-nuclear\",\"name\":\"North Korea nuclear\"}],"
            + "\"sources\":[{\"document\":{\"id\":\"{doc}\",\"title\":\"Korea - US Relations\"},"
            + "\"quote\":\"Presidents Moon and Biden reaffirmed their commitment\",\"confidence\":1.0}],"
            + "\"history\":[],\"retractionReason\":null,\"recordedAt\":\"2021-01-01T00:00:00Z\","
            + "\"updatedAt\":\"2021-01-01T00:00:00Z\",\"extraction\":null}";
    private static final String DATE = "\"start\":\"2021-05-01\",\"end\":\"2021-05-31\",\"precision\":\"MONTH\"";

    private RestServedShapeInputs() {
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        BadInput.Builder f = new BadInput.Builder("facts as served", false).at("POST", "/api/facts")
                .header("Authorization", "Bearer {token}").header("Content-Type", "application/json");
        String[][] invalid = {
                {"end a day short of the month", "\"end\":\"2021-05-31\"", "\"end\":\"2021-05-30\""},
                {"start inside the month", "\"start\":\"2021-05-01\"", "\"start\":\"2021-05-02\""},
                {"a month's interval at DAY", "\"precision\":\"MONTH\"", "\"precision\":\"DAY\""},
                {"a month's interval at YEAR", "\"precision\":\"MONTH\"", "\"precision\":\"year\""},
                {"start after end", DATE, "\"start\":\"2021-05-31\",\"end\":\"2021-05-01\",\"precision\":\"MONTH\""},
                {"start and end without precision", ",\"precision\":\"MONTH\"", ""},
                {"start and end at UNKNOWN", "\"precision\":\"MONTH\"", "\"precision\":\"UNKNOWN\""},
                {"a start without an end", ",\"end\":\"2021-05-31\"", ""},
                {"value, start and end at once", DATE, "\"value\":\"2021-05\"," + DATE},
                {"value and start at once", DATE, "\"value\":\"2021-05\",\"start\":\"2021-05-01\""},
                {"a year before 1000", DATE, "\"start\":\"0999-01-01\",\"end\":\"0999-12-31\",\"precision\":\"YEAR\""},
                {"an actor without an id", "{\"id\":\"moon-jae-in\",\"name\"", "{\"name\""},
                {"an unknown actor by object", "{\"id\":\"moon-jae-in\"", "{\"id\":\"nobody-at-all\""},
                {"an unknown topic by object", "{\"id\":\"north-korea-nuclear\"", "{\"id\":\"no-such-topic\""},
                {"a document object whose id is no id", "{\"id\":\"{doc}\"", "{\"id\":\"nope\""}};
        for (String[] c : invalid) {
            cases.add(f.body("fact: " + c[0], with(SERVED, c[1], c[2]), 422, INVALID));
        }
        String[][] malformed = {
                {"a field no served fact has", "\"extraction\":null", "\"extraction\":null,\"rating\":5"},
                {"an unknown field in an actor", "\"kind\":\"PERSON\"", "\"kind\":\"PERSON\",\"colour\":\"red\""},
                {"a kind on a topic", "\"name\":\"North Korea nuclear\"", "\"name\":\"x\",\"kind\":\"STATE\""},
                {"a name on a document", "\"title\":\"Korea - US Relations\"", "\"name\":\"Korea - US Relations\""},
                {"an actor's id a number", "{\"id\":\"moon-jae-in\"", "{\"id\":7"},
                {"an actor a list", "{\"id\":\"moon-jae-in\",\"name\":\"Moon Jae-in\",\"kind\":\"PERSON\"}", "[\"moon-jae-in\"]"},
                {"a topic's id twice", "{\"id\":\"north-korea-nuclear\"", "{\"id\":\"alliance\",\"id\":\"north-korea-nuclear\""},
                {"a start as a number", "\"start\":\"2021-05-01\"", "\"start\":20210501"},
                {"a version that is no number", "\"version\":1", "\"version\":\"1\""}};
        for (String[] c : malformed) {
            cases.add(f.body("fact: " + c[0], with(SERVED, c[1], c[2]), 400, MALFORMED));
        }
        BadInput.Builder c = f.copy("facts as served").at("POST", "/api/facts/{fact}/corrections").header("If-Match", "*");
        String correction = with(SERVED, "\"extraction\":null", "\"extraction\":null,\"reason\":\"battery\"");
        cases.add(c.body("correction: end a day short of the month", with(correction, "\"end\":\"2021-05-31\"", "\"end\":\"2021-05-30\""), 422, INVALID));
        cases.add(c.body("correction: value, start and end at once", with(correction, DATE, "\"value\":\"2021\"," + DATE), 422, INVALID));
        cases.add(c.body("correction: a note, which corrections do not take", with(correction, "\"reason\"", "\"note\":\"n\",\"reason\""), 400, MALFORMED));
        return cases;
    }
}

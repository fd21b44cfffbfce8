package io.factline.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.factline.api.StrictJson;
import io.factline.curation.FactAssertion;
import io.factline.domain.DatePrecision;
import io.factline.domain.FactType;
import io.factline.domain.Role;

/** How a fact body reads, with the service's strict JSON settings: both shapes, and nothing else. */
class FactBodyJsonTest {

    private static final String DOC = "9b2f4c1e-0000-4000-8000-000000000001";
    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    private FactBody read(String body) throws Exception {
        return json.readValue(body.replace('\'', '"'), FactBody.class);
    }

    @Test
    void readsAFactAsItIsServed() throws Exception {
        FactBody body = read("{'id':'6ba7b810-9dad-11d1-80b4-00c04fd430c8','type':'meeting','status':'ACTIVE','origin':'EXTRACTED',"
                + "'version':3,'date':{'start':'2021-05-01','end':'2021-05-31','precision':'month','text':'May 2021'},"
                + "'summary':'s','actors':[{'actor':{'id':'joe-biden','name':'Joe Biden','kind':'PERSON'},'role':'host'}],"
                + "'topics':[{'id':'alliance','name':'Alliance'}],"
                + "'sources':[{'document':{'id':'" + DOC + "','title':'t'},'quote':'q','start':1,'end':2,'confidence':0.8}],"
                + "'history':[{'version':1,'type':'FactExtracted','at':'2021-01-01T00:00:00Z','by':'x','reason':null,'position':5}],"
                + "'retractionReason':null,'recordedAt':'2021-01-01T00:00:00Z','updatedAt':'2021-01-01T00:00:00Z',"
                + "'extraction':{'extractorVersion':'v','cameo':'040','plover':'CONSULT','target':null}}");
        FactAssertion fact = body.toAssertion();

        assertThat(fact.id()).as("a served fact's id is the old fact's").isNull();
        assertThat(fact.type()).isEqualTo(FactType.MEETING);
        assertThat(fact.date()).isEqualTo(new FactAssertion.DateSpec(null, LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 31),
                DatePrecision.MONTH, "May 2021"));
        assertThat(fact.actors()).containsExactly(new FactAssertion.ActorRole("joe-biden", Role.HOST));
        assertThat(fact.topics()).containsExactly("alliance");
        assertThat(fact.sources()).containsExactly(new FactAssertion.Passage(UUID.fromString(DOC), "q", 1, 2, 0.8));
    }

    @Test
    void readsAFactWrittenByHandAndKeepsItsId() throws Exception {
        String id = UUID.randomUUID().toString();
        FactAssertion fact = read("{'id':'" + id + "','type':'AGREEMENT','date':{'value':'2021'},'summary':'s',"
                + "'actors':[{'actor':'joe-biden','role':'PARTY'}],'topics':['alliance'],"
                + "'sources':[{'document':'" + DOC + "','quote':'q'}]}").toAssertion();
        assertThat(fact.id()).hasToString(id);
        assertThat(fact.actors()).containsExactly(new FactAssertion.ActorRole("joe-biden", Role.PARTY));
        assertThat(fact.topics()).containsExactly("alliance");
        assertThat(fact.sources().get(0).document()).hasToString(DOC);
    }

    @Test
    void refusesWhatNoShapeHas() {
        assertThatThrownBy(() -> read("{'colour':'red'}")).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> read("{'actors':[{'actor':{'id':'joe-biden','colour':'red'},'role':'HOST'}]}"))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> read("{'topics':[{'id':'alliance','kind':'STATE'}]}"))
                .as("a topic has no kind").isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> read("{'sources':[{'document':{'id':'" + DOC + "','name':'n'}}]}"))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> read("{'actors':[{'actor':7,'role':'HOST'}]}"))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("an actor's id");
        assertThatThrownBy(() -> read("{'actors':[{'actor':{'id':7},'role':'HOST'}]}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{'topics':[['alliance']]}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{'actors':[{'actor':{'id':'joe\\u0000biden'},'role':'HOST'}]}"))
                .isInstanceOf(StrictJson.UnfitTextException.class);
        assertThatThrownBy(() -> read("{'sources':[{'document':{'id':'nope'}}]}"))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
        assertThatThrownBy(() -> read("{'version':'3'}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aCorrectionIgnoresTheServedIdAndVersion() throws Exception {
        CorrectionBody body = json.readValue(("{'id':'6ba7b810-9dad-11d1-80b4-00c04fd430c8','version':2,'status':'ACTIVE',"
                + "'summary':'s','topics':[{'id':'trade','name':'Trade'}],'reason':'r'}").replace('\'', '"'), CorrectionBody.class);
        assertThat(body.toCorrection().topics()).containsExactly("trade");
        assertThatThrownBy(() -> json.readValue("{\"note\":\"n\"}", CorrectionBody.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}

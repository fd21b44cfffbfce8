package io.factline.api.graphql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored-document index reads what Jackson wrote and writes strings as JsonText escapes them. */
class StoredDocTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String written(StoredDoc doc, int value) {
        JsonText out = new JsonText(64);
        out.beginList();
        doc.writeString(out, value);
        return out.endList().toString();
    }

    private static String escaped(String value) {
        JsonText out = new JsonText(64);
        return out.beginList().string(value).endList().toString();
    }

    @Test
    void stringsWrittenByJacksonComeOutAsJsonTextWritesThem() throws Exception {
        for (String value : List.of("plain", "quote \" and backslash \\", "tab\tnew\nline\r\b\f", "\u0001\u001f control",
                "üñí 한국 \u2028 \uD83D\uDE00 /slash/", "")) {
            StoredDoc doc = StoredDoc.of(JSON.writeValueAsString(java.util.Map.of("s", value)));
            int s = doc.member(0, "s");
            assertThat(doc.string(s)).isEqualTo(value);
            assertThat(written(doc, s)).isEqualTo(escaped(value));
        }
        // escapes Jackson does not write, read all the same
        StoredDoc doc = StoredDoc.of("{\"s\": \"a\\/b\\u00e9\\u0041\"}");
        assertThat(doc.string(doc.member(0, "s"))).isEqualTo("a/béA");
    }

    @Test
    void membersListsAndNumbers() {
        StoredDoc doc = StoredDoc.of(" { \"a\" : [1, -2, {\"x\": null}, []], \"n\": 2147483647, \"big\": 2147483648, "
                + "\"d\": 0.25, \"e\": 1e2, \"t\": true, \"f\": false, \"a\\u0062\": \"escaped name\", \"dup\": 1, \"dup\": 2 } ");
        int list = doc.member(0, "a");
        assertThat(doc.kind(list)).isEqualTo(StoredDoc.ARRAY);
        int first = doc.first(list);
        assertThat(doc.intValue(first)).isEqualTo(1);
        assertThat(doc.intValue(doc.next(first))).isEqualTo(-2);
        int object = doc.next(doc.next(first));
        assertThat(doc.kind(doc.member(object, "x"))).isEqualTo(StoredDoc.NULL);
        int empty = doc.next(object);
        assertThat(doc.first(empty)).isEqualTo(-1);
        assertThat(doc.next(empty)).isEqualTo(-1);
        assertThat(doc.intValue(doc.member(0, "n"))).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> doc.intValue(doc.member(0, "big"))).isInstanceOf(Plan.NotAnswered.class);
        assertThatThrownBy(() -> doc.intValue(doc.member(0, "d"))).isInstanceOf(Plan.NotAnswered.class);
        assertThat(doc.doubleValue(doc.member(0, "d"))).isEqualTo(0.25);
        assertThat(doc.doubleValue(doc.member(0, "e"))).isEqualTo(100.0);
        assertThat(doc.doubleValue(doc.member(0, "n"))).isEqualTo(2147483647.0);
        assertThat(doc.kind(doc.member(0, "t"))).isEqualTo(StoredDoc.TRUE);
        assertThat(doc.kind(doc.member(0, "f"))).isEqualTo(StoredDoc.FALSE);
        assertThat(doc.string(doc.member(0, "ab"))).isEqualTo("escaped name");
        assertThat(doc.intValue(doc.member(0, "dup"))).as("the last of a member given twice, as readTree").isEqualTo(2);
        assertThat(doc.member(0, "missing")).isEqualTo(-1);
        assertThatThrownBy(() -> doc.doubleValue(doc.member(0, "t"))).isInstanceOf(Plan.NotAnswered.class);
    }

    @Test
    void whatIsNotJsonIsRefusedNotGuessed() {
        for (String text : List.of("", "{", "{\"a\": }", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "{\"a\": \"open}", "{\"a\": tru}",
                "{\"a\": 1} x", "{\"a\": \"bad \\q escape\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"tab\there\"}", "{a: 1}")) {
            assertThatThrownBy(() -> {
                StoredDoc doc = StoredDoc.of(text);
                doc.string(doc.member(0, "a"));
            }).as(text).isInstanceOf(Plan.NotAnswered.class);
        }
        StoredDoc doc = StoredDoc.of("{\"a\": 1-2}");
        assertThatThrownBy(() -> doc.intValue(doc.member(0, "a"))).isInstanceOf(Plan.NotAnswered.class);
    }
}

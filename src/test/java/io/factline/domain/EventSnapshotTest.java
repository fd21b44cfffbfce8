package io.factline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The log keeps every event forever, so the JSON the codec writes is pinned: for each event type the
 * encoding of its {@link EventExamples} is compared with an approved file,
 * {@code src/test/resources/events/<Type>.v<schemaVersion>.json} (and {@code .minimal.json}), and
 * every approved file, of every version there ever was, must still read as its event.
 *
 * <p>Files and encoding are compared as JSON values, not as bytes: the log stores payloads as jsonb,
 * which keeps neither key order nor white space, so only the value is the format. The files are
 * written indented, in the encoder's key order, so that a change shows as a readable diff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSnapshotTest {

    private static final String APPROVE = "factline.approve-events";
    private static final boolean APPROVING = Boolean.getBoolean(APPROVE);
    private static final Path DIR = Path.of(System.getProperty("basedir", ""), "src", "test", "resources", "events");
    private static final Pattern NAME = Pattern.compile("(\\w+)\\.v(\\d+)(\\.minimal)?\\.json");
    private static final String HOW_TO_APPROVE = """
            Events are stored forever: the JSON of every version must stay readable.
            - A deliberate, compatible change (a field added; old events read it as null): approve it with
                ./mvnw test -Dtest=EventSnapshotTest -D%s=true
              then review the diff of src/test/resources/events and commit it with the change.
            - An incompatible change (a field renamed, removed or of another type), which approving refuses:
              keep the approved files, add to EventCodec.UPCASTERS an upcaster from the type's current version
              (its schema version goes up by one), approve (the new version gets its own files) and, if the
              upcast old files read otherwise than today's examples, say how in EventSnapshotTest.READ_TODAY_AS.
              Only the file of a version that never reached a log may be deleted and approved anew.
            """.formatted(APPROVE);
    /**
     * Approved files of older versions that read, through their upcasters, otherwise than today's
     * example (say an upcaster gives a new field a default the example does not have), by file name.
     */
    private static final Map<String, DomainEvent> READ_TODAY_AS = Map.of();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final EventCodec codec = new EventCodec();

    @Test
    @Order(1)
    void theCodecWritesTheApprovedJson() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<? extends DomainEvent> type : EventExamples.types()) {
            check(EventExamples.full(type), false, problems);
            if (!EventExamples.minimal(type).equals(EventExamples.full(type))) {
                check(EventExamples.minimal(type), true, problems);
            }
        }
        if (!problems.isEmpty()) {
            fail("The log's JSON is not the approved one:\n\n" + String.join("\n\n", problems) + "\n\n"
                    + HOW_TO_APPROVE);
        }
    }

    @Test
    @Order(2)
    void everyTypeHasAnApprovedFileForEachOfItsVersions() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends DomainEvent> type : EventExamples.types()) {
            int current = codec.encode(EventExamples.full(type)).schemaVersion();
            for (int version = 1; version <= current; version++) {
                if (!Files.exists(DIR.resolve(fileName(type.getSimpleName(), version, false)))) {
                    missing.add(fileName(type.getSimpleName(), version, false));
                }
            }
        }
        assertThat(missing).as("approved files missing (the current version's: approve them; an older one's:"
                + " restore it from git)\n" + HOW_TO_APPROVE).isEmpty();
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> everyApprovedFileStillReadsAsItsEvent() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> readsAsItsEvent(file)));
        }
    }

    private void readsAsItsEvent(Path file) throws IOException {
        String name = file.getFileName().toString();
        Matcher parts = NAME.matcher(name);
        assertThat(parts.matches()).as(name + " is named <Type>.v<version>.json or <Type>.v<version>.minimal.json")
                .isTrue();
        Class<? extends DomainEvent> type = EventExamples.types().stream()
                .filter(t -> t.getSimpleName().equals(parts.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is for no event type there is"));
        int version = Integer.parseInt(parts.group(2));
        JsonNode approved = read(file);
        assertThat(approved.path("type").asText()).as(name + ": type").isEqualTo(parts.group(1));
        assertThat(approved.path("schemaVersion").asInt()).as(name + ": schemaVersion").isEqualTo(version);
        DomainEvent expected = READ_TODAY_AS.getOrDefault(name,
                parts.group(3) == null ? EventExamples.full(type) : EventExamples.minimal(type));
        assertThat(codec.decode(parts.group(1), version, approved.path("payload").toString()))
                .as(name + " no longer reads as the event it was approved for; events are stored forever, so the"
                        + " code must read it (through an upcaster if its version is not the current one)")
                .isEqualTo(expected);
    }

    private void check(DomainEvent example, boolean minimal, List<String> problems) throws IOException {
        EventCodec.Encoded encoded = codec.encode(example);
        ObjectNode now = JSON.createObjectNode()
                .put("type", encoded.type())
                .put("schemaVersion", encoded.schemaVersion())
                .set("payload", parse(encoded.payloadJson()));
        Path file = DIR.resolve(fileName(encoded.type(), encoded.schemaVersion(), minimal));
        JsonNode approved = Files.exists(file) ? read(file) : null;
        if (now.equals(approved)) {
            return;
        }
        boolean compatible = approved == null || readsWithoutLoss(approved);
        if (APPROVING && compatible) {
            write(file, now);
            return;
        }
        problems.add(file.getFileName() + (approved == null ? ": no approved file yet."
                : compatible ? ": changed, compatibly (today's code reads all the approved file holds)."
                : ": changed INCOMPATIBLY (today's code loses or alters what the approved file holds): it needs a"
                        + " new schema version and an upcaster.")
                + "\n  approved: " + approved + "\n  now:      " + now);
    }

    /** Whether today's code reads the approved payload and writes it back with every value it held. */
    private boolean readsWithoutLoss(JsonNode approved) throws IOException {
        try {
            DomainEvent read = codec.decode(approved.path("type").asText(), approved.path("schemaVersion").asInt(),
                    approved.path("payload").toString());
            return holds(parse(codec.encode(read).payloadJson()), approved.path("payload"));
        } catch (EventCodec.UnreadableEventException e) {
            return false;
        }
    }

    /** Whether {@code now} has every value of {@code old} (and perhaps more fields). */
    private static boolean holds(JsonNode now, JsonNode old) {
        if (old.isObject()) {
            for (Map.Entry<String, JsonNode> field : old.properties()) {
                if (!now.has(field.getKey()) || !holds(now.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return now.isObject();
        }
        if (old.isArray()) {
            if (!now.isArray() || now.size() != old.size()) {
                return false;
            }
            for (int i = 0; i < old.size(); i++) {
                if (!holds(now.get(i), old.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return old.equals(now);
    }

    private static String fileName(String type, int version, boolean minimal) {
        return type + ".v" + version + (minimal ? ".minimal" : "") + ".json";
    }

    private static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    private static JsonNode read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static void write(Path file, JsonNode json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writer(INDENTED).writeValueAsString(json) + "\n");
    }
}

package io.factline.domain;

import java.util.UUID;

/** Stream ids: one stream per document, fact, actor and topic. */
public final class Streams {

    private Streams() {
    }

    public static String document(UUID id) {
        return "document-" + id;
    }

    public static String fact(UUID id) {
        return "fact-" + id;
    }

    public static String actor(String id) {
        return "actor-" + id;
    }

    public static boolean isActor(String streamId) {
        return streamId.startsWith("actor-");
    }

    public static String topic(String id) {
        return "topic-" + id;
    }
}

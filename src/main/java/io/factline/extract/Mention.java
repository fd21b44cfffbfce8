package io.factline.extract;

import java.util.List;

/**
 * Where a sentence names one or more actors: a name or alias, a surname after a title, a demonym
 * before an agent ("South Korean officials"), an office ("the South Korean president"), or a pronoun
 * or description resolved from context ("she", "the party", "both sides").
 */
record Mention(int start, int end, List<String> actorIds, Via via) {

    enum Via { NAME, SURNAME, DEMONYM, OFFICE, PRONOUN, DESCRIPTION }

    Mention {
        actorIds = List.copyOf(actorIds);
    }

    boolean resolvedFromContext() {
        return via == Via.PRONOUN || via == Via.DESCRIPTION;
    }
}

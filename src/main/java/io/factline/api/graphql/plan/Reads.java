package io.factline.api.graphql.plan;

import io.factline.query.ActorQueries;
import io.factline.query.DocumentQueries;
import io.factline.query.FactQueries;
import io.factline.query.TopicQueries;

/** The reads a plan's answer makes: fact pages and counts, and the actor, topic or document a root field looks up. */
record Reads(FactQueries facts, ActorQueries actors, TopicQueries topics, DocumentQueries documents) {
}

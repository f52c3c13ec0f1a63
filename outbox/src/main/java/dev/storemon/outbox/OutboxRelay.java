package dev.storemon.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox: takes the oldest rows ({@code for update skip locked}, so several services or instances share
 * the table without publishing a row twice at the same time), sends them, waits for the broker's acknowledgement, and
 * deletes them in the same transaction. A row whose send fails stays, with its attempt count and error, and is sent
 * again on the next pass: the relay retries until the broker has it. A crash after the acknowledgement and before the
 * commit publishes it again: at least once.
 *
 * <p>Runs on its own thread (never a request thread, so a broker outage cannot block an API call), woken at once after
 * a transaction that added rows commits, and every {@link #POLL_INTERVAL} in case a wake-up was missed (another
 * instance wrote the row, or this one restarted).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Rows published per transaction: one report's tasks fit in one batch. */
    static final int BATCH = 256;

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Pause after a failed pass (broker or database unreachable), so that the relay does not spin. */
    static final Duration FAILURE_PAUSE = Duration.ofSeconds(2);
    /** Upper bound on waiting for the broker's acknowledgements of one batch. */
    static final Duration SEND_WAIT = Duration.ofSeconds(30);

    private static final int FAILED = -1;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final String service;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object lock = new Object();
    private ScheduledExecutorService executor;
    private volatile boolean failing;

    OutboxRelay(
            JdbcClient jdbc, PlatformTransactionManager transactions, ProducerFactory<?, ?> producers, String service) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        // Payloads are JSON already: sent as their UTF-8 bytes, which the services' value serializer
        // (dev.storemon.messages.KafkaMessaging) passes through unchanged, as it does for dead letters.
        @SuppressWarnings("unchecked")
        ProducerFactory<String, Object> typed = (ProducerFactory<String, Object>) producers;
        this.kafka = new KafkaTemplate<>(typed);
        this.service = service;
    }

    /** Asks for a pass soon, off the caller's thread. */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && pending.compareAndSet(false, true)) {
            running.execute(this::drainSafely);
        }
    }

    private void drainSafely() {
        pending.set(false);
        try {
            while (publishBatch() == BATCH) {
                // a full batch: more may be waiting
            }
            if (failing) {
                failing = false;
                log.info("outbox relay of {} publishing again", service);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // One line when publishing starts failing, one when it recovers: an outage is not a log flood.
                log.warn(
                        "outbox relay of {} cannot publish, retrying every {} s: {}",
                        service,
                        FAILURE_PAUSE.toSeconds(),
                        lastError(e));
                failing = true;
            }
            synchronized (lock) {
                try {
                    lock.wait(FAILURE_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private record Row(long id, UUID eventId, String topic, String key, Integer spread, String payload) {}

    /**
     * Publishes up to {@link #BATCH} rows.
     *
     * @return how many rows were taken
     */
    int publishBatch() {
        Integer taken = transactions.execute(status -> {
            List<Row> rows = jdbc.sql("""
                            select id, event_id, topic, message_key, spread, payload from outbox
                            order by id limit ? for update skip locked
                            """)
                    .param(BATCH)
                    .query((rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            (Integer) rs.getObject(5),
                            rs.getString(6)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            Map<String, Integer> partitions = new HashMap<>();
            List<CompletableFuture<?>> sent = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try {
                for (Row row : rows) {
                    Integer partition = row.spread() == null
                            ? null
                            : row.spread()
                                    % partitions.computeIfAbsent(row.topic(), topic -> kafka.partitionsFor(topic)
                                            .size());
                    ProducerRecord<String, Object> record = new ProducerRecord<>(
                            row.topic(), partition, row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
                    record.headers()
                            .add(
                                    Outbox.EVENT_ID_HEADER,
                                    row.eventId().toString().getBytes(StandardCharsets.UTF_8));
                    sent.add(kafka.send(record));
                    ids.add(row.id());
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // Count the attempt on the batch's rows and commit that: they all stay and are sent again.
                String error = rootMessage(e);
                jdbc.sql("update outbox set attempts = attempts + 1, last_error = ? where id = any(?)")
                        .params(error, rows.stream().map(Row::id).toArray(Long[]::new))
                        .update();
                return FAILED;
            }
            jdbc.sql("delete from outbox where id = any(?)")
                    .param(ids.toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        if (taken != null && taken == FAILED) {
            throw new OutboxPublishException("the broker did not acknowledge a batch; see outbox.last_error");
        }
        return taken == null ? 0 : taken;
    }

    /** Rows still to be published (for tests and operators). */
    long backlog() {
        return jdbc.sql("select count(*) from outbox").query(Long.class).single();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-" + service);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drainSafely, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops before the Kafka producer and the datasource go away (those stop in later phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private String lastError(RuntimeException e) {
        if (e instanceof OutboxPublishException) {
            try {
                String error = jdbc.sql(
                                "select last_error from outbox where last_error is not null order by id limit 1")
                        .query(String.class)
                        .optional()
                        .orElse(null);
                return error != null ? error : e.getMessage();
            } catch (RuntimeException unreadable) {
                return e.getMessage();
            }
        }
        return rootMessage(e);
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }

    /** A batch was not acknowledged; its rows stay in the outbox. */
    static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(String message) {
            super(message);
        }
    }
}

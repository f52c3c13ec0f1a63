package dev.storemon.outbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes messages to the outbox table inside the caller's transaction: they are published (by {@link OutboxRelay})
 * if and only if that transaction commits. Publication is at least once; each message carries a stable event id.
 */
public class Outbox {

    /** Kafka header carrying the event id on every message published from the outbox. */
    public static final String EVENT_ID_HEADER = "storemon_event_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /**
     * Adds an event for consumers outside the system: its JSON gets an {@code event_id} field (first), the same id as
     * the {@value #EVENT_ID_HEADER} header, so that a consumer can drop a duplicate.
     *
     * @param topic the topic
     * @param key   the message key
     * @param event a message record
     * @return the event id
     */
    public UUID addEvent(String topic, String key, Object event) {
        UUID eventId = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("event_id", eventId.toString());
        body.setAll((ObjectNode) json.valueToTree(event));
        insert(eventId, topic, key, null, json.writeValueAsString(body));
        return eventId;
    }

    /**
     * Adds a message as it is (a task: its key already identifies it), to partition {@code spread} modulo the topic's
     * partition count.
     *
     * @param topic   the topic
     * @param key     the message key
     * @param spread  decides the partition, so that related messages spread evenly whatever their keys hash to
     * @param message a message record
     * @return the event id
     */
    public UUID addSpread(String topic, String key, int spread, Object message) {
        UUID eventId = UUID.randomUUID();
        insert(eventId, topic, key, spread, json.writeValueAsString(message));
        return eventId;
    }

    private void insert(UUID eventId, String topic, String key, Integer spread, String payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without the caller's transaction the message would not share the fate of the state it announces.
            throw new IllegalStateException("outbox messages are written inside the transaction of their state");
        }
        jdbc.sql("insert into outbox (event_id, topic, message_key, spread, payload) values (?, ?, ?, ?, ?)")
                .params(eventId, topic, key, spread, payload)
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }
}

package dev.storemon.gateway.report;

import dev.storemon.messages.ReportShardCompleted;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * The gateway's side of the report flow. All gateway instances share one consumer group, so each event reaches one
 * of them: a stored shard may complete its report; a dead-lettered task fails its report. A message that is not the
 * expected JSON never reaches these methods: the container's error handler logs it and moves on (nothing to retry).
 */
@Component
class ReportEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReportEventsListener.class);

    private final ReportCompleter completer;
    private final Reports reports;

    ReportEventsListener(ReportCompleter completer, Reports reports) {
        this.completer = completer;
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.REPORT_SHARD_COMPLETED, groupId = "${storemon.gateway.group-id}")
    void onShardCompleted(ReportShardCompleted done) {
        completer.tryComplete(UUID.fromString(done.reportId()));
    }

    /**
     * @param failure  the worker's plain root cause ({@code storemon_failure})
     * @param standard spring-kafka's message, wrapped in the listener's signature: used when the first is missing
     */
    @KafkaListener(topics = Topics.REPORT_TASKS_DEAD_LETTER, groupId = "${storemon.gateway.group-id}")
    void onDeadLetter(
            ReportShardRequested task,
            @Header(name = "storemon_failure", required = false) byte[] failure,
            @Header(name = KafkaHeaders.DLT_EXCEPTION_MESSAGE, required = false) byte[] standard) {
        byte[] message = failure != null ? failure : standard;
        String reason = message == null ? "unknown error" : new String(message, StandardCharsets.UTF_8);
        try {
            reports.fail(UUID.fromString(task.reportId()), "shard " + task.shard() + " failed: " + reason);
        } catch (IllegalArgumentException e) {
            log.error("dead-lettered task with a malformed report id {}: {}", task.reportId(), reason);
        }
    }
}

package dev.storemon.gateway.report;

import dev.storemon.messages.ReportShardCompleted;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of the report flow. All gateway instances share one consumer group, so each event reaches one
 * of them: a stored shard may complete its report; a dead-lettered task fails its report.
 */
@Component
class ReportEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReportEventsListener.class);

    private final ReportCompleter completer;
    private final Reports reports;
    private final JsonMapper json;

    ReportEventsListener(ReportCompleter completer, Reports reports, JsonMapper json) {
        this.completer = completer;
        this.reports = reports;
        this.json = json;
    }

    @KafkaListener(topics = Topics.REPORT_SHARD_COMPLETED, groupId = "${storemon.gateway.group-id}")
    void onShardCompleted(ConsumerRecord<String, String> record) {
        ReportShardCompleted done = read(record, ReportShardCompleted.class);
        if (done != null) {
            completer.tryComplete(UUID.fromString(done.reportId()));
        }
    }

    @KafkaListener(topics = Topics.REPORT_TASKS_DEAD_LETTER, groupId = "${storemon.gateway.group-id}")
    void onDeadLetter(ConsumerRecord<String, String> record) {
        ReportShardRequested task = read(record, ReportShardRequested.class);
        if (task == null) {
            return;
        }
        // The worker's plain root-cause header first; the standard one (wrapped in the listener's signature) else.
        Header message = record.headers().lastHeader("storemon_failure");
        if (message == null) {
            message = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        }
        String reason = message == null ? "unknown error" : new String(message.value(), StandardCharsets.UTF_8);
        try {
            reports.fail(UUID.fromString(task.reportId()), "shard " + task.shard() + " failed: " + reason);
        } catch (IllegalArgumentException e) {
            log.error("dead-lettered task with a malformed report id {}: {}", task.reportId(), reason);
        }
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return json.readValue(record.value(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            // Nothing to retry: log it for an operator and move on.
            log.error("unreadable {} on {} (offset {}): {}", type.getSimpleName(), record.topic(), record.offset(),
                    e.getMessage());
            return null;
        }
    }
}

package dev.storemon.gateway.report;

import dev.storemon.messages.Topics;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.worker.ReportWorkerApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Report-worker application contexts started in the test JVM, each a separate worker of the one consumer group. */
final class Workers implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** Starts a worker named {@code id}, with short retries so that a poisoned task reaches the DLT quickly. */
    Workers start(String id) {
        // Command-line arguments: they win over report-worker.yml (builder properties would not).
        List<String> args = new ArrayList<>();
        TestInfrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--storemon.worker.id=" + id,
                "--storemon.worker.retries=2",
                "--storemon.worker.retry-backoff=100ms",
                "--spring.main.banner-mode=off"));
        contexts.add(ReportWorkerApplication.builder().run(args.toArray(String[]::new)));
        return this;
    }

    /** Whether every worker of every group holds task partitions, and together all {@code partitions}. */
    static boolean allAssigned(int partitions, Workers... groups) {
        int total = 0;
        for (Workers group : groups) {
            for (ConfigurableApplicationContext context : group.contexts) {
                int own = 0;
                for (MessageListenerContainer container :
                        context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
                    var assigned = container.getAssignedPartitions();
                    own += assigned == null
                            ? 0
                            : (int) assigned.stream()
                                    .filter(p -> p.topic().equals(Topics.REPORT_TASKS))
                                    .count();
                }
                if (own == 0) {
                    return false;
                }
                total += own;
            }
        }
        return total == partitions;
    }

    /** The HTTP (management) port of each started worker, in start order. */
    List<Integer> ports() {
        return contexts.stream()
                .map(context -> Integer.valueOf(context.getEnvironment().getProperty("local.server.port")))
                .toList();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }
}

package dev.storemon.standalone;

import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One Prometheus registry for every service context of the process, so that the gateway's
 * {@code /actuator/prometheus} shows the workers' metrics too. Registered in each context before it refreshes; Boot's
 * metrics auto-configuration backs off for an existing {@link PrometheusMeterRegistry} and {@link PrometheusRegistry}
 * (the scrape endpoint reads the latter), and still applies its binders and customizers to this one. Its series
 * carry {@code application="storemon-standalone"}: one registry, one process, several services.
 *
 * <p>Each context closes its registries when it closes; this one must outlive all of them (and a context whose start
 * failed and is retried), so only {@link #closeShared()} closes it, after the last service has stopped.
 */
final class SharedMeterRegistry extends PrometheusMeterRegistry {

    static final String APPLICATION_TAG = "application";
    static final String APPLICATION = "storemon-standalone";

    SharedMeterRegistry() {
        super(PrometheusConfig.DEFAULT, new PrometheusRegistry(), Clock.SYSTEM);
        // The process, not a service: each context would add its own application tag, and the first one added wins
        // for every meter (the all-in-one's shard and ingest metrics were labelled api-gateway).
        config().commonTags(APPLICATION_TAG, APPLICATION);
    }

    /** Called as an initializer of each service context. */
    void registerIn(ConfigurableApplicationContext context) {
        GenericApplicationContext registry = (GenericApplicationContext) context;
        registry.registerBean("storemonSharedMeterRegistry", PrometheusMeterRegistry.class, () -> this);
        registry.registerBean(
                "storemonSharedPrometheusRegistry", PrometheusRegistry.class, this::getPrometheusRegistry);
    }

    /** Ignored: closing one service's context must not close the others' registry. */
    @Override
    public void close() {}

    void closeShared() {
        super.close();
    }
}

package dev.storemon.standalone;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Puts standalone's properties (the embedded endpoints, quieter broker logs) into a service's environment, above the
 * service's own yml defaults (which point at a separately installed Postgres and broker) and below the command line
 * (so that an operator can still override anything). Runs first so that logging levels apply from the start.
 */
final class EndpointProperties implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final String NAME = "storemonStandalone";

    private final Map<String, Object> properties;

    EndpointProperties(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        MutablePropertySources sources = event.getEnvironment().getPropertySources();
        MapPropertySource standalone = new MapPropertySource(NAME, properties);
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, standalone);
        } else {
            sources.addFirst(standalone);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

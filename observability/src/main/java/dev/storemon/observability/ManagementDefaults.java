package dev.storemon.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code storemon-management.yml} (exposure, health details and probes, graceful shutdown) below everything else,
 * so that the three services share one copy and any of it can still be overridden by a service's yml, the environment
 * or the command line.
 */
class ManagementDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "storemon-management.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("storemon management defaults (" + RESOURCE + ")", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

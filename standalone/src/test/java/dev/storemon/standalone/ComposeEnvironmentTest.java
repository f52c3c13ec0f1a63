package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml configures the services only through environment variables, and Docker does not run where the
 * tests run: this loads each service's own yml with the compose file's variables on top, the way Spring Boot would in
 * the container, and checks that every variable is read by a property the service binds (its
 * {@code @ConfigurationProperties} records, or Spring Boot's datasource, Kafka and server properties), that the
 * result validates, and that the service ends up on the compose network's Postgres and broker.
 */
class ComposeEnvironmentTest {

    /** Properties that Spring Boot reads without a properties class the test could bind, with their allowed values. */
    private static final Map<String, Set<String>> READ_BY_BOOT =
            Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", Set.of("ecs", "logstash", "gelf"));

    private static final Path COMPOSE =
            Path.of(System.getProperty("storemon.repository-root", ".."), "docker-compose.yml");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "api-gateway,    dev.storemon.gateway.GatewayApplication",
        "report-worker,  dev.storemon.worker.ReportWorkerApplication",
        "ingest-worker,  dev.storemon.ingest.IngestWorkerApplication"
    })
    void everyComposeVariableIsReadByTheService(String service, Class<?> application) throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> variables = environmentOf(compose, service);
        // named like the real one: Spring Boot maps STOREMON_X_Y to storemon.x.y only for a source of that name
        PropertySource<?> composeSource = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        // a compose service is named after its service, as is the service's configuration file
        StandardEnvironment environment = serviceEnvironment(composeSource, service);
        Binder binder = new Binder(
                ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment),
                ApplicationConversionService.getSharedInstance());
        Set<ConfigurationPropertyName> readFromCompose = new HashSet<>();
        BindHandler handler = new ValidationBindHandler(
                new BoundFromSource(composeSource, readFromCompose),
                new SpringValidatorAdapter(
                        Validation.buildDefaultValidatorFactory().getValidator()));

        for (Map.Entry<String, Class<?>> bound : boundProperties(application).entrySet()) {
            binder.bind(bound.getKey(), Bindable.of(bound.getValue()), handler); // throws if invalid
        }

        // read = bound to a property the service binds, or named by a ${PLACEHOLDER} in the service's yml
        String yml = new ClassPathResource(service + ".yml").getContentAsString(StandardCharsets.UTF_8);
        List<String> unread = new ArrayList<>();
        for (String variable : variables.keySet()) {
            boolean placeholder = yml.contains("${" + variable + ":") || yml.contains("${" + variable + "}");
            if (READ_BY_BOOT.containsKey(variable)) {
                assertThat(READ_BY_BOOT.get(variable))
                        .as(variable)
                        .contains(variables.get(variable).toString());
                continue;
            }
            if (!variable.startsWith("JAVA_")
                    && !placeholder
                    && readFromCompose.stream().noneMatch(name -> matches(variable, name))) {
                unread.add(variable);
            }
        }
        assertThat(unread)
                .as("variables of %s in docker-compose.yml that %s never reads", service, service)
                .isEmpty();

        DataSourceProperties dataSource =
                binder.bind("spring.datasource", DataSourceProperties.class).get();
        KafkaProperties kafka =
                binder.bind("spring.kafka", KafkaProperties.class).get();
        Set<String> composeServices = services(compose).keySet();
        assertThat(URI.create(dataSource.getUrl().substring("jdbc:".length())).getHost())
                .isIn(composeServices);
        assertThat(kafka.getBootstrapServers())
                .allSatisfy(server ->
                        assertThat(server.substring(0, server.indexOf(':'))).isIn(composeServices));
    }

    /** The service's own yml, below the compose variables; nothing from the machine running the test. */
    private static StandardEnvironment serviceEnvironment(PropertySource<?> composeSource, String configName)
            throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(composeSource);
        RandomValuePropertySource.addToEnvironment(environment);
        new YamlPropertySourceLoader()
                .load(configName, new ClassPathResource(configName + ".yml"))
                .forEach(sources::addLast);
        return environment;
    }

    /** The service's {@code @ConfigurationProperties} types by prefix, and the Spring Boot ones it configures. */
    private static Map<String, Class<?>> boundProperties(Class<?> application) {
        Map<String, Class<?>> bound = new LinkedHashMap<>();
        bound.put("spring.datasource", DataSourceProperties.class);
        bound.put("spring.kafka", KafkaProperties.class);
        bound.put("server", ServerProperties.class);
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents(application.getPackageName())) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            bound.put(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type);
        }
        assertThat(bound).as("config records of " + application.getSimpleName()).hasSizeGreaterThan(3);
        return bound;
    }

    /** Spring Boot's mapping from a property to an environment variable: upper case, dots to _, dashes dropped or _. */
    private static boolean matches(String variable, ConfigurationPropertyName name) {
        String upper = name.toString()
                .toUpperCase(Locale.ROOT)
                .replace('.', '_')
                .replace('[', '_')
                .replace("]", "");
        return variable.equals(upper.replace("-", "")) || variable.equals(upper.replace('-', '_'));
    }

    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(Map<String, Object> compose) {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Map<String, Object> compose, String service) {
        Map<String, Object> definition = (Map<String, Object>) services(compose).get(service);
        assertThat(definition).as(service + " in docker-compose.yml").isNotNull();
        Map<String, Object> variables = new LinkedHashMap<>();
        ((Map<String, Object>) definition.get("environment"))
                .forEach((key, value) -> variables.put(key, String.valueOf(value)));
        return variables;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

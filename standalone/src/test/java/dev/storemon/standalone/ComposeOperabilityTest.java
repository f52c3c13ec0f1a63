package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker-compose.yml promises an operator (issue 10), checked on the file since Docker does not run here: every
 * service has a healthcheck on its own Actuator port, restarts, a memory limit with a heap percentage; the database and
 * broker are reachable from this machine only; the services connect as the non-superuser role the init script creates;
 * Prometheus scrapes every service on its port.
 */
class ComposeOperabilityTest {

    private static final Path ROOT = Path.of(System.getProperty("storemon.repository-root", ".."));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api-gateway", "report-worker", "ingest-worker"})
    void everyServiceHasAHealthcheckOnItsActuatorPortARestartPolicyAndAMemoryLimit(String name) throws IOException {
        Map<String, Object> service = service(name);
        Map<String, Object> environment = map(service.get("environment"));
        String port = String.valueOf(environment.get("SERVER_PORT"));
        assertThat(port).matches("\\d+");
        assertThat(String.valueOf(list(map(service.get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health/readiness");
        assertThat(service.get("restart")).isEqualTo("unless-stopped");
        assertThat(String.valueOf(service.get("mem_limit"))).matches("\\d+[mg]");
        assertThat(String.valueOf(environment.get("JAVA_TOOL_OPTIONS"))).contains("-XX:MaxRAMPercentage=");
        assertThat(environment.get("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
        assertThat(prometheusTargets()).as("Prometheus scrapes " + name).contains(name + ":" + port);
    }

    @Test
    void postgresAndKafkaAreOnlyPublishedOnLoopbackAndEveryServiceRestarts() throws IOException {
        for (String name : List.of("postgres", "kafka", "prometheus", "grafana")) {
            for (Object port : list(service(name).getOrDefault("ports", List.of()))) {
                assertThat(String.valueOf(port)).as(name).startsWith("127.0.0.1:");
            }
            assertThat(service(name).get("restart")).as(name).isEqualTo("unless-stopped");
        }
        assertThat(list(service("prometheus").get("profiles"))).containsExactly("observability");
        assertThat(list(service("grafana").get("profiles"))).containsExactly("observability");
    }

    @Test
    void theServicesConnectAsTheNonSuperuserRoleTheInitScriptCreates() throws IOException {
        Map<String, Object> postgres = map(service("postgres").get("environment"));
        String script = Files.readString(ROOT.resolve("ops/postgres/10-storemon-app-role.sh"));
        assertThat(list(service("postgres").get("volumes"))).anySatisfy(volume -> assertThat(String.valueOf(volume))
                .startsWith("./ops/postgres/10-storemon-app-role.sh:/docker-entrypoint-initdb.d/"));
        for (String name : List.of("api-gateway", "report-worker", "ingest-worker")) {
            Object user = map(service(name).get("environment")).get("SPRING_DATASOURCE_USERNAME");
            assertThat(user).as(name).isNotEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(script).contains("create role " + user + " login").contains("nosuperuser");
            assertThat(map(service(name).get("environment")).get("SPRING_DATASOURCE_PASSWORD"))
                    .isEqualTo(postgres.get("STOREMON_APP_PASSWORD"));
        }
    }

    private static List<String> prometheusTargets() throws IOException {
        String config = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
        Matcher job = Pattern.compile("job_name: (\\S+)[\\s\\S]*?(?:targets: \\[\"([^\"]+)\"]|port: (\\d+))")
                .matcher(config);
        List<String> targets = new java.util.ArrayList<>();
        while (job.find()) {
            targets.add(job.group(2) != null ? job.group(2) : job.group(1) + ":" + job.group(3));
        }
        return targets;
    }

    private static Map<String, Object> service(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> service = map(map(compose.get("services")).get(name));
            assertThat(service).as(name + " in docker-compose.yml").isNotNull();
            return service;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}

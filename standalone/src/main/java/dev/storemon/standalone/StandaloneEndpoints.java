package dev.storemon.standalone;

import java.util.Map;

/**
 * Where the embedded Postgres and broker listen, as the services' Spring properties.
 *
 * @param jdbcUrl          Postgres JDBC URL
 * @param username         Postgres user
 * @param password         Postgres password
 * @param bootstrapServers Kafka bootstrap servers
 */
record StandaloneEndpoints(String jdbcUrl, String username, String password, String bootstrapServers) {

    Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password,
                "spring.kafka.bootstrap-servers", bootstrapServers);
    }

    /** The arguments that point another role's process (gateway, worker, ingest) at this infrastructure. */
    String commandLineArguments() {
        return "--spring.datasource.url=" + jdbcUrl + " --spring.datasource.username=" + username
                + " --spring.datasource.password=" + password + " --spring.kafka.bootstrap-servers=" + bootstrapServers;
    }
}

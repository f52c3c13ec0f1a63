package dev.storemon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void postgresAnswersAQuery() throws Exception {
        TestInfrastructure.Endpoints e = TestInfrastructure.endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
                ResultSet rs = c.createStatement().executeQuery("select 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void brokerCreatesAndListsATopic() throws Exception {
        String servers = TestInfrastructure.endpoints().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic("infrastructure-check", 2, (short) 1)))
                    .all()
                    .get();
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("infrastructure-check");
        }
    }
}

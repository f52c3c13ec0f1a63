package dev.storemon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** With security on and no admin key the gateway refuses to start, naming the property. */
class AccessPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void securityOnWithoutAnAdminKeyFailsNamingTheProperty() {
        runner.withPropertyValues("storemon.security.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("storemon.security.admin-key");
        });
        runner.withPropertyValues("storemon.security.enabled=true", "storemon.security.admin-key=short")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void securityOffNeedsNoKeyAndTheDefaultLimitIsSixty() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AccessProperties properties = context.getBean(AccessProperties.class);
            assertThat(properties.enabled()).isFalse();
            assertThat(properties.reportsPerMinute()).isEqualTo(60);
        });
        runner.withPropertyValues("storemon.security.enabled=true", "storemon.security.admin-key=0123456789abcdef")
                .run(context -> assertThat(
                                context.getBean(AccessProperties.class).toString())
                        .doesNotContain("0123456789abcdef"));
    }
}

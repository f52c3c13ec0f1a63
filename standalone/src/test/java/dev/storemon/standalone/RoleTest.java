package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** {@code storemon.roles} as operators write it. */
class RoleTest {

    @Test
    void withoutThePropertyEveryRoleRuns() {
        assertThat(Role.from(new String[] {"--server.port=9090"})).isEqualTo(EnumSet.allOf(Role.class));
    }

    @Test
    void aCommaListSelectsRolesInAnyCase() {
        assertThat(Role.from(new String[] {"--storemon.roles=worker"})).containsExactly(Role.WORKER);
        assertThat(Role.from(new String[] {"--storemon.roles=Infra, gateway"}))
                .containsExactlyInAnyOrder(Role.INFRA, Role.GATEWAY);
    }

    @Test
    void anUnknownOrMissingRoleIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> Role.from(new String[] {"--storemon.roles=worker,cook"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storemon.roles must be a comma list of infra, gateway, worker, ingest (default: all of"
                        + " them), was 'worker,cook'");
        assertThatThrownBy(() -> Role.from(new String[] {"--storemon.roles="}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

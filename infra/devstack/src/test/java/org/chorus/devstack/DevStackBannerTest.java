package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * What the dev stack prints is where things are: a developer who points a Kafka tool at the printed address reaches
 * the broker, the printed health addresses answer, and metrics are not on the public ports.
 */
class DevStackBannerTest {

    @Test
    void theDevStackPrintsTheAddressesOfItsRunningBrokerAndHealthPorts() throws Exception {
        Platform platform = TestPlatform.get();
        Infrastructure infrastructure = RealInfrastructure.get();
        String banner = DevStack.banner(infrastructure, platform, "demo", 1.0);

        Matcher kafka = Pattern.compile("Kafka (\\S+)").matcher(banner);
        assertThat(kafka.find()).as(banner).isTrue();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.group(1),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .as("a broker answers at the printed address")
                    .isNotEmpty();
        }

        Matcher health = Pattern.compile("http://localhost:\\{(\\d+),(\\d+),(\\d+),(\\d+)}/actuator/health")
                .matcher(banner);
        assertThat(health.find()).as(banner).isTrue();
        int[] publicPorts = {
            platform.ports().statements(),
            platform.ports().signatures(),
            platform.ports().tracking(),
            platform.ports().distribution()
        };
        for (int i = 0; i < 4; i++) {
            int management = Integer.parseInt(health.group(i + 1));
            assertThat(TestPlatform.anonymous(management)
                            .get("/actuator/health")
                            .body())
                    .contains("\"UP\"");
            assertThat(TestPlatform.anonymous(management)
                            .get("/actuator/prometheus")
                            .status())
                    .isEqualTo(200);
            assertThat(TestPlatform.anonymous(publicPorts[i])
                            .get("/actuator/prometheus")
                            .status())
                    .as("metrics are not on the public port %d", publicPorts[i])
                    .isIn(401, 403, 404);
        }
    }
}

package org.chorus.tracking.rebuild;

import java.time.Duration;
import org.chorus.tracking.TrackingProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar tracking-exec.jar --chorus.rebuild=true}: rebuilds once at start and logs the report;
 * {@code --chorus.rebuild=swap} also swaps the rebuilt tables in.
 */
@Component
class RebuildOnStart implements ApplicationRunner {
    private final Rebuild rebuild;
    private final String mode;

    RebuildOnStart(Rebuild rebuild, TrackingProperties properties) {
        this.rebuild = rebuild;
        this.mode = properties.rebuild();
    }

    @Override
    public void run(ApplicationArguments args) {
        if ("true".equalsIgnoreCase(mode) || "swap".equalsIgnoreCase(mode)) {
            rebuild.run(Duration.ofHours(1), "swap".equalsIgnoreCase(mode));
        }
    }
}

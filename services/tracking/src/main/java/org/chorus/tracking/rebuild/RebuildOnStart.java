package org.chorus.tracking.rebuild;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code java -jar tracking-exec.jar --chorus.rebuild=true}: rebuilds once at start and logs the report. */
@Component
@ConditionalOnProperty(name = "chorus.rebuild", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {
    private final Rebuild rebuild;

    RebuildOnStart(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild.run(Duration.ofHours(1));
    }
}

package org.chorus.distribution.releases;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every second: embargoes that came due fire (or are held when it is too late), finished releases complete. */
@Component
class EmbargoClock {
    private final Releases releases;
    private final Clock clock;

    EmbargoClock(Releases releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${chorus.releases.tick-ms:1000}",
            initialDelayString = "${chorus.releases.tick-ms:1000}")
    void tick() {
        Instant now = clock.instant();
        releases.due(now).forEach(release -> releases.fireOrHold(release, now));
        releases.completeFinished(now);
    }
}

package org.chorus.signatures.signon;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Unconfirmed signatures (and the addresses they hold) are deleted once their confirmation time has run out. */
@Component
class Expiry {
    private static final Logger log = LoggerFactory.getLogger(Expiry.class);

    private final SignOn signOn;
    private final Clock clock;

    Expiry(SignOn signOn, Clock clock) {
        this.signOn = signOn;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${chorus.signatures.expiry-interval:PT10M}",
            initialDelayString = "${chorus.signatures.expiry-interval:PT10M}")
    void expire() {
        int deleted = signOn.expireUnconfirmed(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} unconfirmed signatures past their confirmation time", deleted);
        }
    }
}

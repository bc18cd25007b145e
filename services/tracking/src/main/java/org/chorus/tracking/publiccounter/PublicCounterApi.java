package org.chorus.tracking.publiccounter;

import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublicCounterApi {
    private final PublicCounter counter;

    PublicCounterApi(PublicCounter counter) {
        this.counter = counter;
    }

    /** Small JSON for statement pages elsewhere: readable from any origin, cached for a few seconds. */
    @GetMapping("/public/statements/{id}/counter")
    ResponseEntity<PublicCounter.Counter> counter(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header("Access-Control-Allow-Origin", "*")
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofSeconds(5)).cachePublic())
                .body(counter.of(id));
    }
}

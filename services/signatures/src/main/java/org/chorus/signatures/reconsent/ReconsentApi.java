package org.chorus.signatures.reconsent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Coordinator: what happens, after the re-consent deadline, to signers who did not confirm the new text. */
@RestController
class ReconsentApi {
    private final Reconsent reconsent;
    private final Clock clock;

    ReconsentApi(Reconsent reconsent, Clock clock) {
        this.reconsent = reconsent;
        this.clock = clock;
    }

    record Resolution(
            @NotNull(message = "must be KEEP or DROP") Reconsent.Decision decision) {}

    @PostMapping("/api/statements/{statementId}/reconsent/resolution")
    Reconsent.Outcome resolve(@PathVariable UUID statementId, @Valid @RequestBody Resolution resolution) {
        return reconsent.resolve(statementId, resolution.decision(), clock.instant());
    }
}

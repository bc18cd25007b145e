package org.chorus.signatures.coordinator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator: a statement's signing settings. {@code inviteOnly}: only invited organisations may sign.
 * {@code approvalRequired}: open-link signatures count only once a coordinator approved them in moderation.
 */
@RestController
class SettingsApi {
    private final Signatures signatures;

    SettingsApi(Signatures signatures) {
        this.signatures = signatures;
    }

    /** What to change; a missing field stays as it is, but at least one must be given. */
    record Change(Boolean inviteOnly, Boolean approvalRequired) {
        @AssertTrue(message = "must set inviteOnly or approvalRequired (true or false)")
        boolean isAnything() {
            return inviteOnly != null || approvalRequired != null;
        }
    }

    @GetMapping("/api/statements/{statementId}/settings")
    Signatures.Settings settings(@PathVariable UUID statementId) {
        return signatures.settings(statementId);
    }

    @PutMapping("/api/statements/{statementId}/settings")
    Signatures.Settings change(@PathVariable UUID statementId, @Valid @RequestBody Change change) {
        return signatures.change(statementId, change.inviteOnly(), change.approvalRequired());
    }
}

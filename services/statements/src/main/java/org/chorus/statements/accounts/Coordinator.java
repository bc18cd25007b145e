package org.chorus.statements.accounts;

import java.time.Instant;
import java.util.UUID;

record Coordinator(
        UUID id,
        String email,
        String passwordHash,
        String totpSecret,
        String language,
        Long totpLastStep,
        Instant createdAt,
        boolean admin) {

    CurrentCoordinator current() {
        return new CurrentCoordinator(id, email, language, admin);
    }
}

package org.chorus.statements.accounts;

import java.io.Serializable;
import java.util.UUID;

/**
 * The logged-in coordinator: the principal of console sessions and API tokens. {@code admin} marks an administrator,
 * whom other services (tracking's operator endpoints) trust through {@code GET /api/me}.
 */
public record CurrentCoordinator(UUID id, String email, String language, boolean admin) implements Serializable {

    /** Never the e-mail address: logs name coordinators by id only. */
    @Override
    public String toString() {
        return "Coordinator " + id;
    }
}

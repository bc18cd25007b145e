package org.chorus.statements.accounts;

import java.io.Serializable;
import java.util.UUID;

/** The logged-in coordinator: the principal of console sessions and API tokens. */
public record CurrentCoordinator(UUID id, String email, String language) implements Serializable {

    /** Never the e-mail address: logs name coordinators by id only. */
    @Override
    public String toString() {
        return "Coordinator " + id;
    }
}

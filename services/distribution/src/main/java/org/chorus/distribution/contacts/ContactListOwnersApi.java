package org.chorus.distribution.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators only (the gate's admin paths): gives a contact list to a coalition, for the lists made before
 * coalitions existed, which nobody reaches until then.
 */
@RestController
class ContactListOwnersApi {
    private final ContactListAccess access;

    ContactListOwnersApi(ContactListAccess access) {
        this.access = access;
    }

    record Owner(@NotNull UUID coalitionId) {}

    @PutMapping("/api/admin/contact-lists/{id}/coalition")
    ResponseEntity<Void> assign(@PathVariable UUID id, @Valid @RequestBody Owner owner) {
        access.assign(id, owner.coalitionId());
        return ResponseEntity.noContent().build();
    }
}

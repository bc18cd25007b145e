package org.chorus.console.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.chorus.console.signin.Coordinator;
import org.chorus.console.web.Services;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's passkeys on the account page: each with its name, when it was added and last used, and Remove.
 * Registering goes through Spring Security's {@code /webauthn/register} (passkeys.js); a passkey of someone else is
 * never listed nor removed (its id answers as unknown).
 */
@Controller
class PasskeyPages {

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;

    PasskeyPages(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    /** {@code added} and {@code lastUsed} as instants (ISO-8601, empty for never): the page writes them in the coordinator's zone. */
    record Passkey(String id, String label, String added, String lastUsed) {}

    /** The signed-in coordinator's passkeys, oldest first. */
    List<Passkey> mine() {
        PublicKeyCredentialUserEntity user = users.findByUsername(me().getName());
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated))
                .map(record -> new Passkey(
                        record.getCredentialId().toBase64UrlString(),
                        record.getLabel(),
                        instant(record.getCreated()),
                        instant(record.getLastUsed())))
                .toList();
    }

    @PostMapping("/account/passkeys/{id:[A-Za-z0-9_-]{1,1400}}/remove")
    @Transactional
    String remove(@PathVariable String id, RedirectAttributes redirect) {
        PublicKeyCredentialUserEntity user = users.findByUsername(me().getName());
        CredentialRecord record;
        try {
            record = credentials.findByCredentialId(Bytes.fromBase64(id));
        } catch (IllegalArgumentException notBase64) {
            record = null;
        }
        if (user != null && record != null && record.getUserEntityUserId().equals(user.getId())) {
            credentials.delete(record.getCredentialId());
            redirect.addFlashAttribute("notice", "passkeys.removed");
        } else {
            redirect.addFlashAttribute("notice", "passkeys.unknown");
        }
        return "redirect:/account";
    }

    private static Coordinator me() {
        return Services.coordinator();
    }

    private static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }
}

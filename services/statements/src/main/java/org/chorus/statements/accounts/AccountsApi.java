package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.web.ClientAddresses;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountsApi {
    private final Accounts accounts;
    private final ClientAddresses clientAddresses;
    private final Coalitions coalitions;

    AccountsApi(Accounts accounts, ClientAddresses clientAddresses, Coalitions coalitions) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
        this.coalitions = coalitions;
    }

    /** Who the caller is, with the ids of their coalitions, their first (personal) one first. */
    record Me(UUID id, String email, String language, boolean admin, List<UUID> coalitions) {}

    record NewCoordinator(
            @NotBlank @EmailAddress @Size(max = 254) String email,
            @NotBlank @Size(min = 12, max = 200) String password,

            @Pattern(regexp = "ar|en|es|fr|ru|zh", message = "must be one of ar, en, es, fr, ru, zh")
            String language) {}

    record TokenRequest(
            @NotBlank String email,
            @NotBlank String password,

            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code of your authenticator")
            String code,

            @Size(max = 100) String name,

            @Min(1) @Max(366) Integer expiresInDays) {}

    /** An administrator creates an account for a colleague; the answer is their TOTP enrolment, shown once. */
    @PostMapping("/api/coordinators")
    ResponseEntity<Accounts.Enrolment> create(
            @AuthenticationPrincipal CurrentCoordinator me, @Valid @RequestBody NewCoordinator request) {
        if (!me.admin()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Only an administrator enrols coordinators.");
        }
        Accounts.Enrolment enrolment = accounts.create(
                request.email(), request.password(), request.language() == null ? "en" : request.language(), null);
        return ResponseEntity.created(URI.create("/api/coordinators/" + enrolment.id()))
                .body(enrolment);
    }

    /** Password and TOTP code in exchange for a personal API token, shown once and stored only as a hash. */
    @PostMapping("/api/tokens")
    ResponseEntity<Map<String, String>> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        String name = request.name() == null || request.name().isBlank()
                ? "api"
                : request.name().strip();
        String token = accounts.issueToken(
                        request.email(),
                        request.password(),
                        request.code(),
                        name,
                        request.expiresInDays(),
                        clientAddresses.of(http))
                .orElseThrow(() ->
                        Problems.of(HttpStatus.UNAUTHORIZED, "The e-mail address, password or code is not right."));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token, "name", name));
    }

    /** The caller's personal tokens: name, created, last used (to the minute), expiry; never the token itself. */
    @GetMapping("/api/tokens")
    List<ApiToken> tokens(@AuthenticationPrincipal CurrentCoordinator me) {
        return accounts.tokens(me.id());
    }

    /** Revokes one of the caller's tokens; it is refused from the next request on. */
    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        accounts.revoke(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Who the token belongs to, with {@code admin} and {@code coalitions}: other services ask this before operator
     * actions and before showing a coalition's contacts.
     */
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal CurrentCoordinator me) {
        return new Me(
                me.id(),
                me.email(),
                me.language(),
                me.admin(),
                coalitions.of(me.id()).stream().map(Coalitions.Coalition::id).toList());
    }

    record AdminFlag(@NotNull Boolean admin) {}

    /** An administrator makes a colleague an administrator ({@code true}) or takes it back ({@code false}). */
    @PutMapping("/api/coordinators/{id}/admin")
    ResponseEntity<Void> admin(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody AdminFlag request) {
        accounts.setAdmin(me, id, request.admin());
        return ResponseEntity.noContent().build();
    }
}

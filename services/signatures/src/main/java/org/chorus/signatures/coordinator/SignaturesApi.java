package org.chorus.signatures.coordinator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.chorus.signatures.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Coordinator-only JSON API (everything under /api/** is meant to sit behind coordinator login). */
@RestController
class SignaturesApi {
    private final Signatures signatures;

    SignaturesApi(Signatures signatures) {
        this.signatures = signatures;
    }

    /**
     * Every signature, or with {@code ?status=} those of one standing: {@code CONFIRMED} leaves out confirmations that
     * came after sign-on ended ({@code AFTER_SIGN_ON_ENDED} lists them), as every count and export does.
     */
    @GetMapping("/api/statements/{statementId}/signatures")
    List<Signatures.Entry> list(@PathVariable UUID statementId, @RequestParam(required = false) String status) {
        return signatures.list(statementId, status);
    }

    @GetMapping("/api/statements/{statementId}/signatures/{signatureId}/audit")
    List<AuditTrail.Entry> audit(@PathVariable UUID statementId, @PathVariable UUID signatureId) {
        return signatures.audit(statementId, signatureId);
    }

    @GetMapping("/api/statements/{statementId}/moderation")
    List<Signatures.Candidate> moderation(@PathVariable UUID statementId) {
        return signatures.moderationQueue(statementId);
    }

    @PostMapping("/api/statements/{statementId}/signatures/{signatureId}/approval")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable UUID statementId, @PathVariable UUID signatureId) {
        signatures.approve(statementId, signatureId);
    }

    record Rejection(
            @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters")
            String reason) {}

    @PostMapping("/api/statements/{statementId}/signatures/{signatureId}/rejection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(
            @PathVariable UUID statementId, @PathVariable UUID signatureId, @Valid @RequestBody Rejection rejection) {
        signatures.reject(statementId, signatureId, rejection.reason().strip());
    }

    record Merge(
            @NotNull(message = "must name the signature that stays")
            UUID into) {}

    @PostMapping("/api/statements/{statementId}/signatures/{signatureId}/merge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void merge(@PathVariable UUID statementId, @PathVariable UUID signatureId, @Valid @RequestBody Merge merge) {
        signatures.merge(statementId, signatureId, merge.into());
    }
}

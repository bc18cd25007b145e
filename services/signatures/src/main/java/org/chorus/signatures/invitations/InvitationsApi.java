package org.chorus.signatures.invitations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.platform.text.EmailAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Coordinator: send a wave of invitations (invite-only is a statement setting, see coordinator.SettingsApi). */
@RestController
class InvitationsApi {
    private final Invitations invitations;

    InvitationsApi(Invitations invitations) {
        this.invitations = invitations;
    }

    record Invitee(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            String organisation,

            String country,

            @NotBlank(message = "must not be blank")
            @EmailAddress
            @Size(max = 254, message = "must be an e-mail address")
            String email,

            @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en, fr or ar")
            String language) {

        @AssertTrue(message = "must be an ISO 3166-1 alpha-2 code such as NL")
        boolean isCountryKnown() {
            return country == null || country.isBlank() || Countries.isKnown(country);
        }
    }

    record WaveRequest(
            @NotEmpty(message = "must list at least one invitee") @Size(max = 1000, message = "at most 1000 per wave")
            List<@Valid @NotNull(message = "must not be null") Invitee> invitations) {}

    record CsvAnswer(
            int rows, int valid, boolean dryRun, List<InvitationImports.RowError> errors, Integer wave, int invited) {}

    /**
     * A wave from a CSV file (columns organisation, email, country, language): {@code dryRun=true} answers the
     * validation report only; otherwise a file with any bad row sends nothing (422, the report's errors). The body is
     * required: an optional one would make a bodiless POST match both this and the JSON handler (500, ambiguous).
     */
    @PostMapping(
            path = "/api/statements/{statementId}/invitations",
            consumes = {"text/csv", "text/plain"})
    ResponseEntity<CsvAnswer> importCsv(
            @PathVariable UUID statementId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestBody String csv) {
        InvitationImports.Report report = InvitationImports.check(csv);
        if (dryRun) {
            return ResponseEntity.ok(new CsvAnswer(report.rows(), report.valid(), true, report.errors(), null, 0));
        }
        if (!report.errors().isEmpty() || report.invitations().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    report.errors().size() + " problem(s) in the file; no invitation was sent.");
            problem.setTitle("Invitations not sent");
            problem.setProperty("code", "invitationsRefused");
            problem.setProperty("errors", report.errors());
            problem.setProperty("rows", report.rows());
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        Invitations.Wave wave = invitations.create(statementId, report.invitations());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CsvAnswer(
                        report.rows(),
                        report.valid(),
                        false,
                        List.of(),
                        wave.wave(),
                        wave.invitations().size()));
    }

    @PostMapping("/api/statements/{statementId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invitations.Wave create(@PathVariable UUID statementId, @Valid @RequestBody WaveRequest request) {
        return invitations.create(
                statementId,
                request.invitations().stream()
                        .map(invitee -> new Invitations.NewInvitation(
                                invitee.organisation().strip(),
                                invitee.country() == null || invitee.country().isBlank() ? null : invitee.country(),
                                invitee.email().strip(),
                                invitee.language()))
                        .toList());
    }
}

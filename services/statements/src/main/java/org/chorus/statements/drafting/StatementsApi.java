package org.chorus.statements.drafting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.text.SignatoryLines;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The drafting API. Every call needs {@code Authorization: Bearer <personal API token>}. */
@RestController
@RequestMapping("/api/statements")
class StatementsApi {
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final Drafting drafting;

    StatementsApi(Drafting drafting) {
        this.drafting = drafting;
    }

    record NewStatement(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String body,

            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language,

            @Size(max = 2000) String summary,

            @Size(max = 80) @Pattern(regexp = SLUG, message = "must be lower-case letters, digits and dashes")
            String slug,

            @Size(max = 300) String coalition,
            @Size(max = 500) String pressContact,
            UUID coalitionId) {}

    record PastedText(
            @NotBlank @Size(max = 200_000) String text,

            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language) {}

    record NewRevision(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String body,
            Boolean material) {}

    record DetailsChange(
            @Size(max = 2000) String summary,

            @Size(max = 80) @Pattern(regexp = SLUG, message = "must be lower-case letters, digits and dashes")
            String slug,

            @Size(max = 300) String coalition,
            @Size(max = 500) String pressContact) {}

    record Publication(Boolean confirm) {}

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}

    record ScheduleChange(
            @Size(max = 40) String deadline,
            Integer signatureTarget,
            @Size(max = 40) String embargoUntil,
            @NotBlank @Size(max = 60) String timeZone) {}

    record NewErratum(@NotBlank @Size(max = 10_000) String text) {}

    record Invitation(
            @NotBlank @EmailAddress @Size(max = 254) String email,
            @NotNull Role role) {}

    @PostMapping
    ResponseEntity<StatementView> create(
            @AuthenticationPrincipal CurrentCoordinator me, @Valid @RequestBody NewStatement request) {
        FieldProblems.language("language", request.language());
        StatementView created = drafting.create(
                me,
                request.title().strip(),
                request.body().strip(),
                request.language(),
                new Drafting.Details(request.summary(), request.slug(), request.coalition(), request.pressContact()),
                request.coalitionId());
        return ResponseEntity.created(URI.create("/api/statements/" + created.id()))
                .body(created);
    }

    /**
     * What a pasted text becomes, stored nothing: title, body, and the trailing signatory list read line by line as
     * signatures' import reads it (each line an entry with its country, or refused with a message code).
     */
    record PastedPreview(
            String title,
            String body,
            String language,
            String signatories,
            List<SignatoryLines.Line> lines,
            int leftOut) {}

    /**
     * A statement pasted as text: the first line is the title, a trailing list of signatories is left out.
     * {@code preview=true} stores nothing and answers a {@link PastedPreview}, for the coordinator to confirm.
     */
    @PostMapping("/from-text")
    ResponseEntity<?> fromText(
            @AuthenticationPrincipal CurrentCoordinator me,
            @RequestParam(defaultValue = "false") boolean preview,
            @Valid @RequestBody PastedText request) {
        FieldProblems.language("language", request.language());
        PastedStatement pasted = PastedStatement.parse(request.text());
        if (pasted.title().length() > 300) {
            throw FieldProblems.invalid(
                    "text", "The first line (the title) is longer than 300 characters.", "pasted.titleTooLong");
        }
        if (pasted.body().isBlank()) {
            throw FieldProblems.invalid(
                    "text", "Paste the title on the first line and the statement below it.", "pasted.noBody");
        }
        if (preview) {
            List<SignatoryLines.Line> lines =
                    pasted.signatories().isBlank() ? List.of() : SignatoryLines.parse(pasted.signatories());
            return ResponseEntity.ok(new PastedPreview(
                    pasted.title(), pasted.body(), request.language(), pasted.signatories(), lines, pasted.leftOut()));
        }
        StatementView created =
                drafting.create(me, pasted.title(), pasted.body(), request.language(), Drafting.Details.NONE);
        return ResponseEntity.created(URI.create("/api/statements/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<StatementView> list(@AuthenticationPrincipal CurrentCoordinator me) {
        return drafting.list(me);
    }

    @GetMapping("/{id}")
    StatementView get(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.find(me, id);
    }

    @PutMapping("/{id}/details")
    StatementView details(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody DetailsChange request) {
        return drafting.details(
                me,
                id,
                new Drafting.Details(request.summary(), request.slug(), request.coalition(), request.pressContact()));
    }

    @PostMapping("/{id}/revisions")
    StatementView revise(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody NewRevision request) {
        return drafting.revise(
                me,
                id,
                request.title().strip(),
                request.body().strip(),
                request.material() == null || request.material());
    }

    @GetMapping("/{id}/revisions")
    List<StatementView.RevisionView> revisions(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.revisions(me, id);
    }

    @GetMapping("/{id}/revisions/{number}")
    StatementView.RevisionView revision(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable int number) {
        return drafting.revision(me, id, number);
    }

    /** Word-level differences between two revisions (title and body), as equal / insert / delete runs. */
    @GetMapping("/{id}/diff")
    Drafting.Diff diff(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam int from,
            @RequestParam int to) {
        return drafting.diff(me, id, from, to);
    }

    @PostMapping("/{id}/open")
    StatementView open(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.open(me, id);
    }

    @PostMapping("/{id}/close")
    StatementView close(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.close(me, id);
    }

    @PostMapping("/{id}/publish")
    StatementView publish(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestBody(required = false) Publication request) {
        return drafting.publish(me, id, request != null && Boolean.TRUE.equals(request.confirm()));
    }

    @PostMapping("/{id}/withdraw")
    StatementView withdraw(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody Withdrawal request) {
        return drafting.withdraw(me, id, request.reason().strip());
    }

    @PutMapping("/{id}/schedule")
    StatementView schedule(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody ScheduleChange request) {
        Schedule schedule = Schedule.of(
                request.deadline(),
                request.signatureTarget(),
                request.embargoUntil(),
                request.timeZone(),
                drafting.clock().instant());
        return drafting.schedule(me, id, schedule);
    }

    @PostMapping("/{id}/errata")
    List<StatementRepository.Erratum> addErratum(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody NewErratum request) {
        return drafting.addErratum(me, id, request.text().strip());
    }

    @GetMapping("/{id}/errata")
    List<StatementRepository.Erratum> errata(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.errata(me, id);
    }

    /**
     * Owners invite co-drafters by address: the answer, the list of members and invited addresses (pending), is alike
     * whether or not an account has the address, and the invited coordinator joins only by accepting. A member already
     * on the statement gets the new role.
     */
    @PostMapping("/{id}/members")
    List<StatementRepository.Member> invite(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody Invitation request) {
        return drafting.invite(me, id, request.email(), request.role());
    }

    /** The invited coordinator takes the role offered, or declines; 404 without an invitation for their address. */
    @PostMapping("/{id}/invitation/{action:accept|decline}")
    ResponseEntity<StatementView> answer(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable String action) {
        if (action.equals("accept")) {
            return ResponseEntity.ok(drafting.accept(me, id));
        }
        drafting.decline(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    List<StatementRepository.Member> members(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return drafting.members(me, id);
    }
}

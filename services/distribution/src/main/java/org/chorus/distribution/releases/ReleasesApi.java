package org.chorus.distribution.releases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.text.EmailAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/releases")
class ReleasesApi {
    private final Releases releases;
    private final ReleaseAccess access;
    private final String unsubscribeMailbox;
    private final Clock clock;
    private final TestSendLimit testSends;

    ReleasesApi(
            Releases releases,
            ReleaseAccess access,
            Clock clock,
            TestSendLimit testSends,
            @org.springframework.beans.factory.annotation.Value(
                            "${chorus.mail.unsubscribe-mailbox:${chorus.mail.imap.user:bounces@localhost}}")
                    String unsubscribeMailbox) {
        this.releases = releases;
        this.access = access;
        this.testSends = testSends;
        this.clock = clock;
        this.unsubscribeMailbox = unsubscribeMailbox;
    }

    record NewRelease(@NotNull UUID statementId, @NotNull UUID contactListId, UUID segmentId, Instant embargoUntil) {}

    record Decision(
            @NotNull @Pattern(regexp = "send|cancel", message = "must be send or cancel")
            String decision,

            @NotBlank @Size(max = 200) String decidedBy) {}

    /** {@code address} is ignored where coordinators sign in: a test goes to the caller's own account address. */
    record TestSend(
            @NotNull UUID statementId,
            @EmailAddress @Size(max = 254) String address,

            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language) {}

    record Preview(String language, String subject, Map<String, String> headers, String body) {}

    /**
     * Releases a statement to a contact list. Only an editor or owner of the statement may, and only to a list of the
     * statement's coalition that they belong to.
     */
    @PostMapping
    ResponseEntity<Releases.Release> publish(@Valid @RequestBody NewRelease request, HttpServletRequest http) {
        access.requireStatement(http, request.statementId(), true);
        access.requireListOfStatement(http, request.statementId(), request.contactListId());
        Releases.Release release = releases.publish(
                request.statementId(),
                request.contactListId(),
                request.segmentId(),
                request.embargoUntil(),
                clock.instant());
        return ResponseEntity.created(URI.create("/api/releases/" + release.id()))
                .body(release);
    }

    /** The latest releases (at most 50) of the statements the caller has a role on, newest first. */
    @GetMapping
    List<Releases.Progress> list(HttpServletRequest http) {
        return access.recent(http, 50);
    }

    @GetMapping("/{id}")
    Releases.Progress get(@PathVariable UUID id, HttpServletRequest http) {
        return access.release(http, id, false);
    }

    /** A coordinator decides what happens to a release HELD because its embargo passed while nothing could be sent. */
    @PostMapping("/{id}/decision")
    Releases.Progress decide(@PathVariable UUID id, @Valid @RequestBody Decision decision, HttpServletRequest http) {
        access.release(http, id, true);
        return releases.decide(
                id, decision.decision().equals("send"), decision.decidedBy().strip(), clock.instant());
    }

    /** Exactly what a contact would receive: subject, headers and body. */
    @GetMapping("/preview")
    Preview preview(
            @RequestParam UUID statementId,
            @RequestParam UUID contactId,
            @RequestParam(required = false) Instant embargoUntil,
            HttpServletRequest http) {
        access.requireStatement(http, statementId, false);
        access.requireContactOfStatement(http, statementId, contactId);
        ReleaseMail.Rendered mail = releases.preview(statementId, contactId, embargoUntil);
        String url = mail.body().lines().reduce((first, last) -> last).orElse("");
        return new Preview(
                mail.language(),
                mail.subject(),
                Map.of(
                        "Subject",
                        mail.subject(),
                        "Message-ID",
                        "<{releaseId}." + contactId + "@chorus>",
                        "Content-Type",
                        "text/plain; charset=UTF-8",
                        "List-Unsubscribe",
                        "<" + url + ">, <mailto:" + unsubscribeMailbox + "?subject=unsubscribe%20{token}>",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"),
                mail.body());
    }

    /**
     * Sends the release as a recipient in {@code language} would get it, to the caller's own account address only
     * (whatever {@code address} says), at most a few times a minute per coordinator: 429 with Retry-After beyond.
     */
    @PostMapping("/test-send")
    ResponseEntity<?> testSend(@Valid @RequestBody TestSend request, HttpServletRequest http) {
        access.requireStatement(http, request.statementId(), true);
        String address = access.ownAddress(http, request.address());
        Optional<Duration> wait = testSends.take(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "You sent several tests in the last minute; try again in " + seconds + " s.");
            problem.setTitle("Too many test sends");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        UUID requestId;
        try {
            requestId = releases.testSend(request.statementId(), request.language(), address);
        } catch (RuntimeException refused) {
            testSends.giveBack(address);
            throw refused;
        }
        return ResponseEntity.accepted().body(Map.of("requestId", requestId, "address", address));
    }
}

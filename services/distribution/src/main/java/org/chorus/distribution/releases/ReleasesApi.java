package org.chorus.distribution.releases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
    private final String unsubscribeMailbox;
    private final Clock clock;

    ReleasesApi(
            Releases releases,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value(
                            "${chorus.mail.unsubscribe-mailbox:${chorus.mail.imap.user:bounces@localhost}}")
                    String unsubscribeMailbox) {
        this.releases = releases;
        this.clock = clock;
        this.unsubscribeMailbox = unsubscribeMailbox;
    }

    record NewRelease(@NotNull UUID statementId, @NotNull UUID contactListId, UUID segmentId, Instant embargoUntil) {}

    record Decision(
            @NotNull @Pattern(regexp = "send|cancel", message = "must be send or cancel")
            String decision,

            @NotBlank @Size(max = 200) String decidedBy) {}

    record TestSend(
            @NotNull UUID statementId,
            @NotBlank @Email @Size(max = 254) String address,

            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language) {}

    record Preview(String language, String subject, Map<String, String> headers, String body) {}

    @PostMapping
    ResponseEntity<Releases.Release> publish(@Valid @RequestBody NewRelease request) {
        Releases.Release release = releases.publish(
                request.statementId(),
                request.contactListId(),
                request.segmentId(),
                request.embargoUntil(),
                clock.instant());
        return ResponseEntity.created(URI.create("/api/releases/" + release.id()))
                .body(release);
    }

    @GetMapping("/{id}")
    Releases.Progress get(@PathVariable UUID id) {
        return releases.progress(id);
    }

    /** A coordinator decides what happens to a release HELD because its embargo passed while nothing could be sent. */
    @PostMapping("/{id}/decision")
    Releases.Progress decide(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return releases.decide(
                id, decision.decision().equals("send"), decision.decidedBy().strip(), clock.instant());
    }

    /** Exactly what a contact would receive: subject, headers and body. */
    @GetMapping("/preview")
    Preview preview(
            @RequestParam UUID statementId,
            @RequestParam UUID contactId,
            @RequestParam(required = false) Instant embargoUntil) {
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

    /** Sends the release as a recipient in {@code language} would get it to one address, such as the coordinator's. */
    @PostMapping("/test-send")
    ResponseEntity<Map<String, UUID>> testSend(@Valid @RequestBody TestSend request) {
        UUID requestId = releases.testSend(
                request.statementId(), request.language(), request.address().strip());
        return ResponseEntity.accepted().body(Map.of("requestId", requestId));
    }
}

package org.chorus.distribution.bounces;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For mail providers that report bounces over HTTP instead of mail. */
@RestController
@RequestMapping("/api/bounces")
class BouncesApi {
    private final Bounces bounces;
    private final Clock clock;

    BouncesApi(Bounces bounces, Clock clock) {
        this.bounces = bounces;
        this.clock = clock;
    }

    /** {@code recipient}: the address the provider could not deliver to; the mail must have gone to it. */
    record Report(
            @NotBlank @Size(max = 300) String messageId,
            @NotBlank @EmailAddress @Size(max = 254) String recipient,
            @NotNull Boolean hard,
            @Size(max = 1000) String reason) {}

    /** Only from a configured mail provider, signed with its secret ({@link ProviderSignatures}); else 401. */
    @PostMapping
    ResponseEntity<Map<String, String>> report(@Valid @RequestBody Report report) {
        String messageId = report.messageId().strip();
        String reason = DeliveryReport.clean(report.reason() == null ? "" : report.reason());
        Bounces.Outcome outcome = bounces.apply(
                "api:" + messageId + ":" + (report.hard() ? "hard" : "soft") + ":" + reason,
                messageId,
                report.recipient().strip(),
                report.hard(),
                reason,
                clock.instant());
        if (outcome == Bounces.Outcome.UNKNOWN_MESSAGE) {
            throw Problems.notFound("No mail with Message-ID " + messageId + " was sent to this recipient.");
        }
        return ResponseEntity.accepted().body(Map.of("outcome", outcome.name()));
    }
}

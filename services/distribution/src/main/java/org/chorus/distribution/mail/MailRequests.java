package org.chorus.distribution.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.distribution.ledger.RequestSuppressions;
import org.chorus.distribution.statements.StatementCopies;
import org.chorus.distribution.unsubscribe.Unsubscribes;
import org.chorus.events.MailRequested;
import org.chorus.events.MalformedEventException;
import org.chorus.platform.inbox.Inbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a requested mail and plans it in the ledger, once per request id. A request to an address suppressed for
 * that mail is recorded as SUPPRESSED and answered with a permanent MailFailed. Invitations and reminders end with an
 * unsubscribe link (also sent as List-Unsubscribe).
 */
@Service
class MailRequests {
    private static final Map<String, String> STOP_INVITATIONS = Map.of(
            "en", "To stop receiving invitations to sign from us:",
            "fr", "Pour ne plus recevoir nos invitations à signer :",
            "es", "Para dejar de recibir nuestras invitaciones a firmar:",
            "ar", "لإيقاف تلقي دعواتنا إلى التوقيع:",
            "zh", "如不希望再收到我们的签署邀请：",
            "ru", "Чтобы больше не получать наши приглашения подписать:");

    private final Inbox inbox;
    private final MailTemplates templates;
    private final Ledger ledger;
    private final RequestSuppressions suppressions;
    private final Unsubscribes unsubscribes;
    private final StatementCopies statements;

    MailRequests(
            Inbox inbox,
            MailTemplates templates,
            Ledger ledger,
            RequestSuppressions suppressions,
            Unsubscribes unsubscribes,
            StatementCopies statements) {
        this.statements = statements;
        this.inbox = inbox;
        this.templates = templates;
        this.ledger = ledger;
        this.suppressions = suppressions;
        this.unsubscribes = unsubscribes;
    }

    @Transactional
    void handle(UUID eventId, String subject, MailRequested request) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (request.requestId() == null || request.recipientAddress() == null) {
            throw new MalformedEventException("mail request without request id or recipient", null);
        }
        if (ledger.knownRequest(request.requestId())) {
            return;
        }
        if (statements.withdrawnForMail(subject)) {
            ledger.refuseRequested(
                    request.requestId(),
                    request.template(),
                    subject,
                    request.recipientAddress(),
                    "the statement was withdrawn");
            return;
        }
        Optional<String> suppressed = suppressions.reasonFor(request.recipientAddress(), request.template());
        if (suppressed.isPresent()) {
            ledger.suppressRequested(request.requestId(), request.template(), subject, suppressed.get());
            return;
        }
        Map<String, String> variables = new HashMap<>();
        if (request.recipientName() != null) {
            variables.put("signerName", request.recipientName());
        }
        if (request.variables() != null) {
            variables.putAll(request.variables());
        }
        Optional<MailTemplates.Rendered> rendered = templates.render(request.template(), request.language(), variables);
        if (rendered.isEmpty()) {
            ledger.refuseRequested(
                    request.requestId(),
                    request.template(),
                    subject,
                    request.recipientAddress(),
                    "unknown template '" + request.template() + "'");
            return;
        }
        String body = rendered.get().body();
        String unsubscribeUrl = null;
        if (RequestSuppressions.unsubscribeScope(request.template()).isPresent()) {
            String language = rendered.get().language();
            unsubscribeUrl = unsubscribes.issueRequestUrl(
                    request.requestId(), request.template(), subject, request.recipientAddress(), language);
            body = body + "\n-- \n" + STOP_INVITATIONS.getOrDefault(language, STOP_INVITATIONS.get("en")) + "\n"
                    + unsubscribeUrl + "\n";
        }
        ledger.planRequested(
                request.requestId(),
                request.template(),
                subject,
                new Ledger.Mail(
                        request.recipientAddress(),
                        request.recipientName(),
                        rendered.get().subject(),
                        body),
                unsubscribeUrl);
    }
}

package org.chorus.distribution.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.events.MailRequested;
import org.chorus.events.MalformedEventException;
import org.chorus.platform.inbox.Inbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renders a requested mail and plans it in the ledger, once per request id. */
@Service
class MailRequests {
    private final Inbox inbox;
    private final MailTemplates templates;
    private final Ledger ledger;

    MailRequests(Inbox inbox, MailTemplates templates, Ledger ledger) {
        this.inbox = inbox;
        this.templates = templates;
        this.ledger = ledger;
    }

    @Transactional
    void handle(UUID eventId, String subject, MailRequested request) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (request.requestId() == null || request.recipientAddress() == null) {
            throw new MalformedEventException("mail request without request id or recipient", null);
        }
        Map<String, String> variables = new HashMap<>();
        if (request.recipientName() != null) {
            variables.put("signerName", request.recipientName());
        }
        if (request.variables() != null) {
            variables.putAll(request.variables());
        }
        templates
                .render(request.template(), request.language(), variables)
                .ifPresentOrElse(
                        mail -> ledger.planRequested(
                                request.requestId(),
                                request.template(),
                                subject,
                                new Ledger.Mail(
                                        request.recipientAddress(),
                                        request.recipientName(),
                                        mail.subject(),
                                        mail.body())),
                        () -> ledger.refuseRequested(
                                request.requestId(),
                                request.template(),
                                subject,
                                request.recipientAddress(),
                                "unknown template '" + request.template() + "'"));
    }
}

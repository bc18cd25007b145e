package org.chorus.tracking.pipeline;

import org.chorus.events.Envelope;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationDeclined;
import org.chorus.events.InvitationOpened;
import org.chorus.events.InvitationSent;
import org.chorus.events.MailBounced;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.events.MailUnsubscribed;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.Visibility;
import org.chorus.tracking.projection.Projection;
import org.springframework.stereotype.Component;

/**
 * The invitee pipeline: invitations from the signatures topic, and what distribution reports about the mail that
 * carried them, joined by request id. Each step fills its own column, so the steps may arrive in any order.
 * Signing is not stored here: it is read from the signature rows that name the invitation. Mail reports without a
 * request id (bounces of release mail) and soft bounces do not concern the pipeline. Reminder mails carry the
 * reminder's id as request id, so their bounces and unsubscribes land on the invitee too. An invitee whose
 * signature is withheld (from the start, or by a later correction) loses its organisation and country here: a copy
 * of tracking's tables must not tell who signed withheld. The pipeline still counts it as signed.
 */
@Component
class PipelineProjection implements Projection {
    private final PipelineRepository repository;

    PipelineProjection(PipelineRepository repository) {
        this.repository = repository;
    }

    @Override
    public void apply(Envelope<?> event) {
        Object data = event.data();
        if (data instanceof InvitationCreated created) {
            require(created.invitationId() != null && created.statementId() != null, event);
            repository.created(created, event.time());
        } else if (data instanceof InvitationSent sent) {
            require(sent.invitationId() != null && sent.statementId() != null && sent.requestId() != null, event);
            repository.sent(sent, event.time());
        } else if (data instanceof InvitationOpened opened) {
            require(opened.invitationId() != null && opened.statementId() != null, event);
            repository.step(opened.invitationId(), opened.statementId(), "opened_at", event.time());
        } else if (data instanceof InvitationDeclined declined) {
            require(declined.invitationId() != null && declined.statementId() != null, event);
            repository.step(declined.invitationId(), declined.statementId(), "declined_at", event.time());
        } else if (data instanceof SignatureConfirmed confirmed
                && confirmed.visibility() == Visibility.WITHHELD
                && confirmed.invitationId() != null) {
            repository.erase(confirmed.invitationId());
        } else if (data instanceof SignatureCorrected corrected && corrected.visibility() == Visibility.WITHHELD) {
            repository.eraseInviteeOf(corrected.signatureId());
        } else if (data instanceof MailDelivered delivered && delivered.requestId() != null) {
            repository.delivered(delivered.requestId(), event.time());
        } else if (data instanceof MailBounced bounced && bounced.requestId() != null && bounced.hard()) {
            repository.bounced(bounced.requestId(), event.time());
        } else if (data instanceof MailFailed failed && failed.requestId() != null && failed.permanent()) {
            repository.bounced(failed.requestId(), event.time());
        } else if (data instanceof MailUnsubscribed unsubscribed && unsubscribed.requestId() != null) {
            repository.unsubscribed(unsubscribed.requestId(), event.time());
        }
    }

    private static void require(boolean complete, Envelope<?> event) {
        if (!complete) {
            throw new MalformedEventException(event.type() + " " + event.id() + " lacks a required field", null);
        }
    }
}

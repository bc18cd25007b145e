package org.chorus.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventType;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationDeclined;
import org.chorus.events.InvitationOpened;
import org.chorus.events.InvitationSent;
import org.chorus.events.MailBounced;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.events.MailUnsubscribed;
import org.chorus.events.ReconsentRequested;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureReconfirmed;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementOpened;
import org.chorus.events.Visibility;
import org.chorus.testsupport.TopicReader;

/**
 * Events as their producers put them on the topics (the golden samples' shape), keyed by statement id, so tests
 * feed tracking exactly as the other services will.
 */
public final class TrackingEvents {
    public static final Duration PATIENCE = Duration.ofSeconds(20);
    public static final String HASH_1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String HASH_2 = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    /** Sends the event on its type's topic, keyed by the statement it is about. */
    public static <T> Envelope<T> send(EventType<T> type, UUID statement, T data) {
        return send(type, statement, Instant.now(), data);
    }

    public static <T> Envelope<T> send(EventType<T> type, UUID statement, Instant time, T data) {
        String source = type.topic().substring("chorus.".length());
        Envelope<T> envelope = Envelope.of(type, "/" + source, statement, time, data);
        TopicReader.send(type.topic(), statement.toString(), envelope);
        return envelope;
    }

    public static void open(UUID statement, String title, String language) {
        send(
                EventTypes.STATEMENT_OPENED,
                statement,
                new StatementOpened(statement, title, language, 1, "The text people sign.", HASH_1));
    }

    public static UUID confirm(UUID statement, SignatoryKind kind, String country) {
        return confirm(statement, kind, country, Visibility.PUBLIC, null, null, Instant.now());
    }

    public static UUID confirm(
            UUID statement,
            SignatoryKind kind,
            String country,
            Visibility visibility,
            UUID invitation,
            Integer wave,
            Instant confirmedAt) {
        UUID signature = UUID.randomUUID();
        String name = visibility == Visibility.WITHHELD
                ? null
                : "Signer " + signature.toString().substring(0, 8);
        send(
                EventTypes.SIGNATURE_CONFIRMED,
                statement,
                new SignatureConfirmed(
                        signature,
                        statement,
                        kind,
                        name,
                        country,
                        null,
                        1,
                        HASH_1,
                        confirmedAt,
                        visibility,
                        invitation,
                        wave));
        return signature;
    }

    public static void withdraw(UUID statement, UUID signature) {
        send(EventTypes.SIGNATURE_WITHDRAWN, statement, new SignatureWithdrawn(signature, statement));
    }

    public static void reject(UUID statement, UUID signature) {
        send(
                EventTypes.SIGNATURE_REJECTED,
                statement,
                new SignatureRejected(signature, statement, "not a real organisation"));
    }

    public static void merge(UUID statement, UUID duplicate, UUID into) {
        send(EventTypes.SIGNATURE_MERGED, statement, new SignatureMerged(duplicate, statement, into));
    }

    public static void requestReconsent(UUID statement, int revision, Instant deadline) {
        send(EventTypes.RECONSENT_REQUESTED, statement, new ReconsentRequested(statement, revision, HASH_2, deadline));
    }

    public static void reconfirm(UUID statement, UUID signature, int revision) {
        send(
                EventTypes.SIGNATURE_RECONFIRMED,
                statement,
                new SignatureReconfirmed(signature, statement, revision, HASH_2));
    }

    public static void schedule(UUID statement, Instant deadline, Integer target) {
        send(
                EventTypes.SCHEDULE_SET,
                statement,
                new ScheduleSet(statement, deadline, target, deadline, "Europe/Geneva"));
    }

    public static UUID invite(UUID statement, int wave, String organisation, String country, String language) {
        UUID invitation = UUID.randomUUID();
        send(
                EventTypes.INVITATION_CREATED,
                statement,
                new InvitationCreated(invitation, statement, wave, organisation, country, language));
        return invitation;
    }

    /** The invitation mail was requested; returns the request id distribution will report on. */
    public static UUID invitationSent(UUID statement, UUID invitation) {
        UUID request = UUID.randomUUID();
        send(EventTypes.INVITATION_SENT, statement, new InvitationSent(invitation, statement, request));
        return request;
    }

    public static void mailDelivered(UUID statement, UUID request) {
        send(
                EventTypes.MAIL_DELIVERED,
                statement,
                new MailDelivered(request, "invitation", "<" + request + "@chorus>"));
    }

    public static void mailBounced(UUID statement, UUID request) {
        send(EventTypes.MAIL_BOUNCED, statement, new MailBounced(request, "invitation", true, "550 5.1.1 unknown"));
    }

    /** A reminder mail bounced: tracking's reminder id is the request id signatures asked distribution with. */
    public static void reminderBounced(UUID statement, UUID reminder, boolean hard) {
        send(
                EventTypes.MAIL_BOUNCED,
                statement,
                new MailBounced(
                        reminder, "invitation-reminder", hard, hard ? "550 5.1.1 unknown" : "452 mailbox full"));
    }

    public static void mailFailedPermanently(UUID statement, UUID request) {
        send(
                EventTypes.MAIL_FAILED,
                statement,
                new MailFailed(request, "invitation-reminder", "550 5.7.1 relaying denied", true));
    }

    /** The invitee followed the unsubscribe link of the invitation or reminder mail sent under this request id. */
    public static void unsubscribed(UUID statement, UUID request, String template) {
        send(EventTypes.MAIL_UNSUBSCRIBED, statement, new MailUnsubscribed(request, template));
    }

    public static void linkOpened(UUID statement, UUID invitation) {
        send(EventTypes.INVITATION_OPENED, statement, new InvitationOpened(invitation, statement));
    }

    public static void declined(UUID statement, UUID invitation) {
        send(EventTypes.INVITATION_DECLINED, statement, new InvitationDeclined(invitation, statement));
    }

    private TrackingEvents() {}
}

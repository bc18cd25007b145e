package org.chorus.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Chorus knows, by wire name. Add a type as a constant here and a golden sample in the tests. */
public final class EventTypes {
    // chorus.statements, produced by statements
    public static final EventType<StatementDrafted> STATEMENT_DRAFTED =
            new EventType<>("chorus.statement.drafted.v1", Topics.STATEMENTS, StatementDrafted.class);
    public static final EventType<StatementRevised> STATEMENT_REVISED =
            new EventType<>("chorus.statement.revised.v1", Topics.STATEMENTS, StatementRevised.class);
    public static final EventType<StatementOpened> STATEMENT_OPENED =
            new EventType<>("chorus.statement.opened.v1", Topics.STATEMENTS, StatementOpened.class);
    public static final EventType<StatementClosed> STATEMENT_CLOSED =
            new EventType<>("chorus.statement.closed.v1", Topics.STATEMENTS, StatementClosed.class);
    public static final EventType<StatementPublished> STATEMENT_PUBLISHED =
            new EventType<>("chorus.statement.published.v1", Topics.STATEMENTS, StatementPublished.class);
    public static final EventType<StatementWithdrawn> STATEMENT_WITHDRAWN =
            new EventType<>("chorus.statement.withdrawn.v1", Topics.STATEMENTS, StatementWithdrawn.class);
    public static final EventType<TranslationUpdated> TRANSLATION_UPDATED =
            new EventType<>("chorus.statement.translation-updated.v1", Topics.STATEMENTS, TranslationUpdated.class);
    public static final EventType<ScheduleSet> SCHEDULE_SET =
            new EventType<>("chorus.statement.schedule-set.v1", Topics.STATEMENTS, ScheduleSet.class);
    public static final EventType<ErratumAdded> ERRATUM_ADDED =
            new EventType<>("chorus.statement.erratum-added.v1", Topics.STATEMENTS, ErratumAdded.class);

    // chorus.signatures, produced by signatures
    public static final EventType<SignatureSubmitted> SIGNATURE_SUBMITTED =
            new EventType<>("chorus.signature.submitted.v1", Topics.SIGNATURES, SignatureSubmitted.class);
    public static final EventType<SignatureConfirmed> SIGNATURE_CONFIRMED =
            new EventType<>("chorus.signature.confirmed.v1", Topics.SIGNATURES, SignatureConfirmed.class);
    /** What signatures publishes since v2: no name (v1 is still read). */
    public static final EventType<SignatureSubmittedV2> SIGNATURE_SUBMITTED_V2 =
            new EventType<>("chorus.signature.submitted.v2", Topics.SIGNATURES, SignatureSubmittedV2.class);
    /** What signatures publishes since v2: name and qualifier sealed for distribution (v1 is still read). */
    public static final EventType<SealedSignatureConfirmed> SIGNATURE_CONFIRMED_V2 =
            new EventType<>("chorus.signature.confirmed.v2", Topics.SIGNATURES, SealedSignatureConfirmed.class);

    public static final EventType<SignatureRejected> SIGNATURE_REJECTED =
            new EventType<>("chorus.signature.rejected.v1", Topics.SIGNATURES, SignatureRejected.class);
    public static final EventType<SignatureMerged> SIGNATURE_MERGED =
            new EventType<>("chorus.signature.merged.v1", Topics.SIGNATURES, SignatureMerged.class);
    public static final EventType<SignatureWithdrawn> SIGNATURE_WITHDRAWN =
            new EventType<>("chorus.signature.withdrawn.v1", Topics.SIGNATURES, SignatureWithdrawn.class);
    public static final EventType<SignatureCorrected> SIGNATURE_CORRECTED =
            new EventType<>("chorus.signature.corrected.v1", Topics.SIGNATURES, SignatureCorrected.class);
    /** Since v2: name and qualifier sealed for distribution; WITHHELD erases the identity everywhere (v1 still read). */
    public static final EventType<SealedSignatureCorrected> SIGNATURE_CORRECTED_V2 =
            new EventType<>("chorus.signature.corrected.v2", Topics.SIGNATURES, SealedSignatureCorrected.class);

    public static final EventType<ReconsentRequested> RECONSENT_REQUESTED =
            new EventType<>("chorus.signature.reconsent-requested.v1", Topics.SIGNATURES, ReconsentRequested.class);
    public static final EventType<SignatureReconfirmed> SIGNATURE_RECONFIRMED =
            new EventType<>("chorus.signature.reconfirmed.v1", Topics.SIGNATURES, SignatureReconfirmed.class);
    public static final EventType<InvitationCreated> INVITATION_CREATED =
            new EventType<>("chorus.invitation.created.v1", Topics.SIGNATURES, InvitationCreated.class);
    /** Since v2: the organisation and its country sealed for tracking (v1 is still read). */
    public static final EventType<SealedInvitationCreated> INVITATION_CREATED_V2 =
            new EventType<>("chorus.invitation.created.v2", Topics.SIGNATURES, SealedInvitationCreated.class);

    public static final EventType<InvitationSent> INVITATION_SENT =
            new EventType<>("chorus.invitation.sent.v1", Topics.SIGNATURES, InvitationSent.class);
    public static final EventType<InvitationOpened> INVITATION_OPENED =
            new EventType<>("chorus.invitation.opened.v1", Topics.SIGNATURES, InvitationOpened.class);
    public static final EventType<InvitationDeclined> INVITATION_DECLINED =
            new EventType<>("chorus.invitation.declined.v1", Topics.SIGNATURES, InvitationDeclined.class);

    // chorus.tracking, produced by tracking
    public static final EventType<TargetReached> TARGET_REACHED =
            new EventType<>("chorus.milestone.target-reached.v1", Topics.TRACKING, TargetReached.class);
    public static final EventType<DeadlineApproaching> DEADLINE_APPROACHING =
            new EventType<>("chorus.milestone.deadline-approaching.v1", Topics.TRACKING, DeadlineApproaching.class);
    public static final EventType<DeadlinePassed> DEADLINE_PASSED =
            new EventType<>("chorus.milestone.deadline-passed.v1", Topics.TRACKING, DeadlinePassed.class);
    public static final EventType<ReminderTriggered> REMINDER_TRIGGERED =
            new EventType<>("chorus.reminder.triggered.v1", Topics.TRACKING, ReminderTriggered.class);

    // chorus.mail-requests, produced by signatures (and any service that needs mail)
    public static final EventType<MailRequested> MAIL_REQUESTED =
            new EventType<>("chorus.mail.requested.v1", Topics.MAIL_REQUESTS, MailRequested.class);
    /** What producers publish since v2: the personal part sealed for distribution. v1 is still read. */
    public static final EventType<SealedMailRequested> MAIL_REQUESTED_V2 =
            new EventType<>("chorus.mail.requested.v2", Topics.MAIL_REQUESTS, SealedMailRequested.class);

    // chorus.distribution, produced by distribution
    public static final EventType<MailDelivered> MAIL_DELIVERED =
            new EventType<>("chorus.mail.delivered.v1", Topics.DISTRIBUTION, MailDelivered.class);
    public static final EventType<MailFailed> MAIL_FAILED =
            new EventType<>("chorus.mail.failed.v1", Topics.DISTRIBUTION, MailFailed.class);
    public static final EventType<MailBounced> MAIL_BOUNCED =
            new EventType<>("chorus.mail.bounced.v1", Topics.DISTRIBUTION, MailBounced.class);
    public static final EventType<MailUnsubscribed> MAIL_UNSUBSCRIBED =
            new EventType<>("chorus.mail.unsubscribed.v1", Topics.DISTRIBUTION, MailUnsubscribed.class);
    public static final EventType<ReleasePublished> RELEASE_PUBLISHED =
            new EventType<>("chorus.release.published.v1", Topics.DISTRIBUTION, ReleasePublished.class);
    public static final EventType<ReleaseCompleted> RELEASE_COMPLETED =
            new EventType<>("chorus.release.completed.v1", Topics.DISTRIBUTION, ReleaseCompleted.class);
    public static final EventType<EmbargoHeld> EMBARGO_HELD =
            new EventType<>("chorus.release.embargo-held.v1", Topics.DISTRIBUTION, EmbargoHeld.class);
    public static final EventType<ContactUnsubscribed> CONTACT_UNSUBSCRIBED =
            new EventType<>("chorus.contact.unsubscribed.v1", Topics.DISTRIBUTION, ContactUnsubscribed.class);

    /** All of the above, in declaration order. */
    public static final List<EventType<?>> ALL = Arrays.stream(EventTypes.class.getDeclaredFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class)
            .<EventType<?>>map(EventTypes::value)
            .toList();

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static EventType<?> value(Field field) {
        try {
            return (EventType<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventTypes() {}
}

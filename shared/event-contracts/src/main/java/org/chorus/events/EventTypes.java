package org.chorus.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Chorus knows, by wire name. */
public final class EventTypes {
    public static final EventType<StatementOpened> STATEMENT_OPENED =
            new EventType<>("chorus.statement.opened.v1", Topics.STATEMENTS, StatementOpened.class);
    public static final EventType<SignatureSubmitted> SIGNATURE_SUBMITTED =
            new EventType<>("chorus.signature.submitted.v1", Topics.SIGNATURES, SignatureSubmitted.class);
    public static final EventType<SignatureConfirmed> SIGNATURE_CONFIRMED =
            new EventType<>("chorus.signature.confirmed.v1", Topics.SIGNATURES, SignatureConfirmed.class);
    public static final EventType<MailRequested> MAIL_REQUESTED =
            new EventType<>("chorus.mail.requested.v1", Topics.MAIL_REQUESTS, MailRequested.class);
    public static final EventType<MailDelivered> MAIL_DELIVERED =
            new EventType<>("chorus.mail.delivered.v1", Topics.DISTRIBUTION, MailDelivered.class);
    public static final EventType<MailFailed> MAIL_FAILED =
            new EventType<>("chorus.mail.failed.v1", Topics.DISTRIBUTION, MailFailed.class);
    public static final EventType<ReleasePublished> RELEASE_PUBLISHED =
            new EventType<>("chorus.release.published.v1", Topics.DISTRIBUTION, ReleasePublished.class);

    public static final List<EventType<?>> ALL = List.of(
            STATEMENT_OPENED,
            SIGNATURE_SUBMITTED,
            SIGNATURE_CONFIRMED,
            MAIL_REQUESTED,
            MAIL_DELIVERED,
            MAIL_FAILED,
            RELEASE_PUBLISHED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private EventTypes() {}
}

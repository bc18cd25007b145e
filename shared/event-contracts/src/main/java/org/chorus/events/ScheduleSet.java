package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The statement's deadline, signature target and embargo were set or changed. Absent fields are not set. Instants are
 * UTC; {@code timeZone} (an IANA zone such as Europe/Zurich) is the one the coordinator chose for display.
 */
public record ScheduleSet(
        UUID statementId, Instant deadline, Integer signatureTarget, Instant embargoUntil, String timeZone) {}

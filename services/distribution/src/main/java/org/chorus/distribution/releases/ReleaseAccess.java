package org.chorus.distribution.releases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.platform.web.Problems;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a release: only coordinators with a role on its statement, as the statements service says
 * through {@link CoordinatorGate}. Viewers and commenters may read a release; only editors and owners may release,
 * decide or send a test. A release of a statement the caller has no role on is answered as if it did not exist.
 * Contacts and contact lists are not checked here: they are the organisation's shared press book.
 */
@Component
class ReleaseAccess {
    private final CoordinatorGate gate;
    private final Releases releases;

    ReleaseAccess(CoordinatorGate gate, Releases releases) {
        this.gate = gate;
        this.releases = releases;
    }

    /** Returns when the caller may read ({@code acting} false) or change statement's releases; else a Refusal. */
    void requireStatement(HttpServletRequest request, UUID statementId, boolean acting) {
        gate.requireRole(request, statementId, acting);
    }

    /** The release with its progress, when the caller may read it ({@code acting} false) or change it. */
    Releases.Progress release(HttpServletRequest request, UUID id, boolean acting) {
        Releases.Progress release = releases.progress(id);
        try {
            gate.requireRole(request, release.statementId(), acting);
        } catch (CoordinatorGate.Refusal refusal) {
            if (refusal.status() == 404) {
                throw Problems.notFound("No release " + id + ".");
            }
            throw refusal;
        }
        return release;
    }

    /** The most recent releases the caller may read, newest first. */
    List<Releases.Progress> recent(HttpServletRequest request, int limit) {
        Predicate<UUID> readable = gate.statementsReadableBy(request);
        return releases.recent(limit, readable);
    }
}

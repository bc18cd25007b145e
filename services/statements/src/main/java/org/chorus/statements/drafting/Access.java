package org.chorus.statements.drafting;

import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what on a statement. A coordinator without any role gets 404, exactly as for an id that does not exist,
 * so statement ids of other coalitions do not leak; a role too small for the action gets 403.
 */
@Component
public class Access {
    private final StatementRepository statements;

    Access(StatementRepository statements) {
        this.statements = statements;
    }

    /** What other features need to know about the statement they work on. */
    public record StatementRef(UUID id, String language, String status, int currentRevision, Role role) {}

    /** The title and body of one revision. */
    public record RevisionText(int number, String title, String body, String contentHash) {}

    @Transactional(readOnly = true)
    public StatementRef require(UUID statementId, CurrentCoordinator me, Role minimum) {
        Role role = statements
                .role(statementId, me.id())
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + "."));
        if (!role.atLeast(minimum)) {
            throw Problems.of(
                    HttpStatus.FORBIDDEN,
                    "Your role on statement " + statementId + " is " + role + "; this needs " + minimum + ".");
        }
        Statement statement = statements.find(statementId).orElseThrow();
        return new StatementRef(
                statementId, statement.language(), statement.status().name(), statement.currentRevision(), role);
    }

    /** The content hash of a text in any language: SHA-256 of title, blank line, body. */
    public static String contentHash(String title, String body) {
        return Revision.contentHash(title, body);
    }

    @Transactional(readOnly = true)
    public Optional<RevisionText> revision(UUID statementId, int number) {
        return statements
                .revision(statementId, number)
                .map(r -> new RevisionText(r.number(), r.title(), r.body(), r.contentHash()));
    }
}

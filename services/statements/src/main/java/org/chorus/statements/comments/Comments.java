package org.chorus.statements.comments;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.chorus.statements.drafting.Access;
import org.chorus.statements.drafting.FieldProblems;
import org.chorus.statements.drafting.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Threaded comments anchored to a passage of a revision; a thread is resolved and reopened as a whole. */
@Service
class Comments {
    private final CommentRepository comments;
    private final Access access;
    private final Clock clock;

    Comments(CommentRepository comments, Access access, Clock clock) {
        this.comments = comments;
        this.access = access;
        this.clock = clock;
    }

    record Thread(Comment comment, List<Comment> replies) {}

    /** A new thread on {@code start..end} of the revision's body; {@code quote}, when given, must match that passage. */
    @Transactional
    Comment start(
            CurrentCoordinator me, UUID statementId, Integer revision, int start, int end, String quote, String body) {
        quote = HumanText.multiLine("quote", quote, 10_000);
        body = HumanText.multiLine("body", body, 5000);
        Access.StatementRef statement = access.require(statementId, me, Role.COMMENTER);
        int number = revision == null ? statement.currentRevision() : revision;
        Access.RevisionText text = access.revision(statementId, number)
                .orElseThrow(() -> FieldProblems.invalid(
                        "revision", "Statement " + statementId + " has no revision " + number + "."));
        if (start < 0 || end <= start || end > text.body().length()) {
            throw FieldProblems.invalid(
                    "startOffset",
                    "The passage must lie within the revision's text (0 to "
                            + text.body().length() + ") and not be empty.");
        }
        String passage = text.body().substring(start, end);
        if (quote != null && !quote.isEmpty() && !quote.equals(passage)) {
            throw FieldProblems.invalid("quote", "The quoted text is not what the revision says at that place.");
        }
        Comment comment = new Comment(
                UUID.randomUUID(),
                statementId,
                number,
                null,
                me.id(),
                start,
                end,
                passage,
                body,
                false,
                clock.instant());
        comments.insert(comment);
        return comment;
    }

    @Transactional
    Comment reply(CurrentCoordinator me, UUID statementId, UUID parentId, String body) {
        body = HumanText.multiLine("body", body, 5000);
        access.require(statementId, me, Role.COMMENTER);
        Comment parent = thread(statementId, parentId);
        Comment reply = new Comment(
                UUID.randomUUID(),
                statementId,
                parent.revision(),
                parent.id(),
                me.id(),
                parent.startOffset(),
                parent.endOffset(),
                parent.quote(),
                body,
                false,
                clock.instant());
        comments.insert(reply);
        return reply;
    }

    @Transactional
    Comment resolve(CurrentCoordinator me, UUID statementId, UUID id, boolean resolved) {
        access.require(statementId, me, Role.COMMENTER);
        Comment thread = thread(statementId, id);
        if (thread.resolved() == resolved) {
            throw Problems.conflict("This comment is already " + (resolved ? "resolved." : "open."));
        }
        comments.resolve(thread.id(), resolved);
        return comments.find(statementId, thread.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Thread> threads(CurrentCoordinator me, UUID statementId) {
        access.require(statementId, me, Role.VIEWER);
        List<Comment> all = comments.all(statementId);
        return all.stream()
                .filter(c -> c.parentId() == null)
                .map(c -> new Thread(
                        c, all.stream().filter(r -> c.id().equals(r.parentId())).toList()))
                .toList();
    }

    /** The first comment of a thread; a reply's id leads to its thread. */
    private Comment thread(UUID statementId, UUID id) {
        Comment comment = comments.find(statementId, id)
                .orElseThrow(() -> Problems.notFound("Statement " + statementId + " has no comment " + id + "."));
        return comment.parentId() == null
                ? comment
                : comments.find(statementId, comment.parentId()).orElseThrow();
    }
}

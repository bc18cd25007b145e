package org.chorus.statements.comments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements/{id}/comments")
class CommentsApi {
    private final Comments comments;

    CommentsApi(Comments comments) {
        this.comments = comments;
    }

    record NewComment(
            Integer revision,
            @NotNull Integer startOffset,
            @NotNull Integer endOffset,
            @Size(max = 10_000) String quote,
            @NotBlank @Size(max = 5000) String body) {}

    record NewReply(@NotBlank @Size(max = 5000) String body) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Comment start(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody NewComment request) {
        return comments.start(
                me,
                id,
                request.revision(),
                request.startOffset(),
                request.endOffset(),
                request.quote(),
                request.body().strip());
    }

    @PostMapping("/{commentId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Comment reply(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @PathVariable UUID commentId,
            @Valid @RequestBody NewReply request) {
        return comments.reply(me, id, commentId, request.body().strip());
    }

    @PostMapping("/{commentId}/resolve")
    Comment resolve(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable UUID commentId) {
        return comments.resolve(me, id, commentId, true);
    }

    @PostMapping("/{commentId}/reopen")
    Comment reopen(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable UUID commentId) {
        return comments.resolve(me, id, commentId, false);
    }

    @GetMapping
    List<Comments.Thread> threads(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return comments.threads(me, id);
    }
}

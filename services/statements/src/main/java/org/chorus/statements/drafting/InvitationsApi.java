package org.chorus.statements.drafting;

import java.util.List;
import org.chorus.statements.accounts.Coalitions;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the caller was invited to and has not answered: coalitions to join and statements to co-draft. They accept or
 * decline each ({@code POST /api/coalitions/{id}/invitation/accept}, {@code POST /api/statements/{id}/invitation/…}).
 */
@RestController
class InvitationsApi {
    private final Coalitions coalitions;
    private final Drafting drafting;

    InvitationsApi(Coalitions coalitions, Drafting drafting) {
        this.coalitions = coalitions;
        this.drafting = drafting;
    }

    record Pending(List<Coalitions.Invitation> coalitions, List<StatementRepository.Invitation> statements) {}

    @GetMapping("/api/me/invitations")
    Pending mine(@AuthenticationPrincipal CurrentCoordinator me) {
        return new Pending(coalitions.invitations(me), drafting.invitations(me));
    }
}

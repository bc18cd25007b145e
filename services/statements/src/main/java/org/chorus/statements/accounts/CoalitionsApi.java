package org.chorus.statements.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's coalitions; members invite colleagues, who join when they accept, and may leave. Other services learn a
 * caller's coalitions from /api/me.
 */
@RestController
class CoalitionsApi {
    private final Coalitions coalitions;

    CoalitionsApi(Coalitions coalitions) {
        this.coalitions = coalitions;
    }

    record NewCoalition(@NotBlank @Size(max = 200) String name) {}

    record NewMember(
            @NotBlank @EmailAddress @Size(max = 254) String email) {}

    @GetMapping("/api/coalitions")
    List<Coalitions.Coalition> mine(@AuthenticationPrincipal CurrentCoordinator me) {
        return coalitions.of(me.id());
    }

    @PostMapping("/api/coalitions")
    ResponseEntity<Coalitions.Coalition> create(
            @AuthenticationPrincipal CurrentCoordinator me, @Valid @RequestBody NewCoalition request) {
        Coalitions.Coalition created = coalitions.create(me, HumanText.singleLine("name", request.name(), 200));
        return ResponseEntity.created(URI.create("/api/coalitions/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/coalitions/{id}/members")
    List<Coalitions.Member> members(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return coalitions.members(me, id);
    }

    /** What inviting answers, whatever the address: whether an account has it is nobody else's business. */
    record Invited(String status, String code) {}

    static final Invited INVITED = new Invited("PENDING", "coalitionInvitationPending");

    /**
     * A member invites a colleague by address; they join once they accept. 202 and the same body for every address
     * (with an account or not, invited or a member already), so the answer tells nothing about who has an account.
     */
    @PostMapping("/api/coalitions/{id}/members")
    ResponseEntity<Invited> addMember(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody NewMember request) {
        coalitions.invite(me, id, request.email().strip());
        return ResponseEntity.accepted().body(INVITED);
    }

    /** Addresses invited that have not joined yet, to the coalition's members. */
    @GetMapping("/api/coalitions/{id}/invitations")
    List<Coalitions.Pending> pending(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return coalitions.pending(me, id);
    }

    /** The invited coordinator joins the coalition, or declines; 404 without an invitation for their address. */
    @PostMapping("/api/coalitions/{id}/invitation/{action:accept|decline}")
    ResponseEntity<Coalitions.Coalition> answer(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable String action) {
        if (action.equals("accept")) {
            return ResponseEntity.ok(coalitions.accept(me, id));
        }
        coalitions.decline(me, id);
        return ResponseEntity.noContent().build();
    }

    /** The caller leaves the coalition; the last member cannot (409 problem+json, code coalitionLastMember). */
    @DeleteMapping("/api/coalitions/{id}/members/me")
    ResponseEntity<Void> leave(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        coalitions.leave(me, id);
        return ResponseEntity.noContent().build();
    }

    /** The coalition a statement belongs to, for coordinators with a role on it (the gate of other services asks). */
    @GetMapping("/api/statements/{id}/coalition")
    Map<String, UUID> ofStatement(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return coalitions
                .ofStatement(id, me.id())
                .map(coalition -> Map.of("coalitionId", coalition))
                .orElseThrow(() -> Problems.notFound("No statement " + id + "."));
    }
}

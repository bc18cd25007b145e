package org.chorus.statements.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's coalitions; members add colleagues. Other services learn a caller's coalitions from /api/me. */
@RestController
class CoalitionsApi {
    private final Coalitions coalitions;

    CoalitionsApi(Coalitions coalitions) {
        this.coalitions = coalitions;
    }

    record NewCoalition(@NotBlank @Size(max = 200) String name) {}

    record NewMember(@NotBlank @Email @Size(max = 254) String email) {}

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

    /** A member adds a colleague by the address of their coordinator account. */
    @PostMapping("/api/coalitions/{id}/members")
    List<Coalitions.Member> addMember(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @Valid @RequestBody NewMember request) {
        return coalitions.addMember(me, id, request.email().strip());
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

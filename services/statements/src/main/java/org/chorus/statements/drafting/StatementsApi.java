package org.chorus.statements.drafting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements")
class StatementsApi {
    private static final Set<String> LANGUAGES = Set.of(java.util.Locale.getISOLanguages());

    private final Drafting drafting;

    StatementsApi(Drafting drafting) {
        this.drafting = drafting;
    }

    record NewStatement(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String body,

            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en, fr, ar")
            String language) {}

    record NewRevision(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String body) {}

    @PostMapping
    ResponseEntity<StatementView> create(@Valid @RequestBody NewStatement request) {
        if (!LANGUAGES.contains(request.language())) {
            throw Problems.badRequest("Unknown language '" + request.language() + "': use an ISO 639-1 code.");
        }
        StatementView created =
                drafting.create(request.title().strip(), request.body().strip(), request.language());
        return ResponseEntity.created(URI.create("/api/statements/" + created.id()))
                .body(created);
    }

    @GetMapping
    List<StatementView> list() {
        return drafting.list();
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable UUID id) {
        return drafting.find(id);
    }

    @PostMapping("/{id}/revisions")
    StatementView revise(@PathVariable UUID id, @Valid @RequestBody NewRevision request) {
        return drafting.revise(id, request.title().strip(), request.body().strip());
    }

    @PostMapping("/{id}/open")
    StatementView open(@PathVariable UUID id) {
        return drafting.open(id);
    }
}

package org.chorus.statements.translations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements/{id}/translations")
class TranslationsApi {
    private final Translations translations;

    TranslationsApi(Translations translations) {
        this.translations = translations;
    }

    record TranslationText(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String body,
            @NotNull Translation.Status status) {}

    @PutMapping("/{language}")
    Translation save(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @PathVariable String language,
            @Valid @RequestBody TranslationText request) {
        return translations.save(
                me, id, language, request.title().strip(), request.body().strip(), request.status());
    }

    @GetMapping
    List<Translation> all(@AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id) {
        return translations.all(me, id);
    }

    @GetMapping("/{language}")
    Translation one(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable String language) {
        return translations.one(me, id, language);
    }

    /** Every save of this translation, newest first: text, hash, status, author, time, source revision, current, stale. */
    @GetMapping("/{language}/revisions")
    List<TranslationRevision> revisions(
            @AuthenticationPrincipal CurrentCoordinator me, @PathVariable UUID id, @PathVariable String language) {
        return translations.revisions(me, id, language);
    }

    @GetMapping("/{language}/revisions/{number}")
    TranslationRevision revision(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @PathVariable String language,
            @PathVariable int number) {
        return translations.revision(me, id, language, number);
    }
}

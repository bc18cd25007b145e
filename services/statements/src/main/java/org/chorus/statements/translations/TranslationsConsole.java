package org.chorus.statements.translations;

import java.util.UUID;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.chorus.statements.drafting.Access;
import org.chorus.statements.drafting.ConsoleStatus;
import org.chorus.statements.drafting.FieldProblems;
import org.chorus.statements.drafting.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Translations side by side with the source text; Arabic (and other right-to-left scripts) laid out right to left. */
@Controller
class TranslationsConsole {
    private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar", "he", "fa", "ur", "ps", "yi");

    private final Translations translations;
    private final Access access;

    TranslationsConsole(Translations translations, Access access) {
        this.translations = translations;
        this.access = access;
    }

    @GetMapping("/console/statements/{id}/translations")
    String list(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(required = false) String language,
            Model model) {
        Access.StatementRef statement = access.require(id, me, Role.VIEWER);
        Access.RevisionText source =
                access.revision(id, statement.currentRevision()).orElseThrow();
        model.addAttribute("statement", statement);
        model.addAttribute("source", source);
        model.addAttribute("translations", translations.all(me, id));
        if (language != null && !language.isBlank()) {
            String code = FieldProblems.language("language", language.strip());
            model.addAttribute("language", code);
            model.addAttribute("rtl", RIGHT_TO_LEFT.contains(code));
            var existing = translations.all(me, id).stream()
                    .filter(t -> t.language().equals(code))
                    .findFirst();
            model.addAttribute("current", existing.orElse(null));
            model.addAttribute(
                    "revisions", existing.isPresent() ? translations.revisions(me, id, code) : java.util.List.of());
            model.addAttribute("title", existing.map(Translation::title).orElse(""));
            model.addAttribute("body", existing.map(Translation::body).orElse(""));
            model.addAttribute("status", existing.map(t -> t.status().name()).orElse("DRAFT"));
        }
        return "console/translations";
    }

    @PostMapping("/console/statements/{id}/translations")
    String save(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "DRAFT") Translation.Status status,
            Model model) {
        try {
            if (title.isBlank() || title.length() > 300 || body.isBlank() || body.length() > 100_000) {
                throw FieldProblems.invalid("body", "Title and text of the translation must not be empty.");
            }
            translations.save(me, id, language.strip(), title.strip(), body.strip(), status);
            return "redirect:/console/statements/" + id + "/translations?language=" + language.strip();
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            ConsoleStatus.of(e);
            String code = language.strip().matches("[a-z]{2}") ? language.strip() : null;
            list(me, id, null, model);
            model.addAttribute("language", code == null ? "" : code);
            model.addAttribute("rtl", code != null && RIGHT_TO_LEFT.contains(code));
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            model.addAttribute("status", status.name());
            model.addAttribute("error", e.getBody().getDetail());
            return "console/translations";
        }
    }
}

package org.chorus.distribution.releases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.ConsoleCsrf;
import org.chorus.platform.web.CoordinatorGate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The coordinator's release pages: the releases of the statements the coordinator has a role on, with their live
 * progress (the page reloads itself every 2 s, no JavaScript), one release in detail, and the decision form of a
 * release HELD after a missed embargo (editors and owners only, protected by {@link ConsoleCsrf}). A release of
 * another coalition's statement is not found. In English, French, Spanish, Arabic (right to left), Chinese or
 * Russian, as {@link ConsoleLanguage} picks.
 */
@Controller
@RequestMapping("/console/releases")
class ReleasePages {
    private final Releases releases;
    private final ReleaseAccess access;
    private final ConsoleCsrf csrf;
    private final Clock clock;
    private final MessageSource messages;

    ReleasePages(Releases releases, ReleaseAccess access, ConsoleCsrf csrf, Clock clock, MessageSource messages) {
        this.releases = releases;
        this.access = access;
        this.csrf = csrf;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("releases");
        try {
            page.addObject("releases", access.recent(request, 50));
        } catch (CoordinatorGate.Refusal refusal) {
            return refused(refusal.status());
        }
        return page;
    }

    @GetMapping("/{id}")
    ModelAndView detail(@PathVariable String id, HttpServletRequest request) {
        try {
            return release(id, request, false)
                    .map(progress -> detailPage(progress, "", null, HttpStatus.OK, request))
                    .orElseGet(() -> notFound(id));
        } catch (CoordinatorGate.Refusal refusal) {
            return refused(refusal.status());
        }
    }

    @PostMapping("/{id}/decision")
    ModelAndView decide(
            @PathVariable String id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String decidedBy,
            @RequestParam(required = false) String csrfToken,
            HttpServletRequest request) {
        if (!csrf.accepts(request, csrfToken)) {
            return refused(HttpStatus.FORBIDDEN.value(), "refused.form");
        }
        Optional<Releases.Progress> release;
        try {
            release = release(id, request, true);
        } catch (CoordinatorGate.Refusal refusal) {
            return refused(refusal.status());
        }
        if (release.isEmpty()) {
            return notFound(id);
        }
        String name = decidedBy == null ? "" : decidedBy.strip();
        if (!"send".equals(decision) && !"cancel".equals(decision)) {
            return detailPage(release.get(), name, message("error.choose"), HttpStatus.BAD_REQUEST, request);
        }
        if (name.isEmpty() || name.length() > 200) {
            return detailPage(release.get(), name, message("error.name"), HttpStatus.BAD_REQUEST, request);
        }
        try {
            releases.decide(release.get().id(), decision.equals("send"), name, clock.instant());
        } catch (ErrorResponseException e) {
            return detailPage(
                    releases.progress(release.get().id()), name, e.getBody().getDetail(), HttpStatus.CONFLICT, request);
        }
        return new ModelAndView("redirect:/console/releases/" + release.get().id());
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** The release if it exists and the caller may see it; a Refusal when they may see it but not act on it. */
    private Optional<Releases.Progress> release(String id, HttpServletRequest request, boolean acting) {
        UUID releaseId;
        try {
            releaseId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        try {
            return Optional.of(access.release(request, releaseId, acting));
        } catch (CoordinatorGate.Refusal refusal) {
            throw refusal;
        } catch (ErrorResponseException notFound) {
            return Optional.empty();
        }
    }

    private ModelAndView detailPage(
            Releases.Progress release, String decidedBy, String error, HttpStatus status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("release");
        page.addObject("release", release);
        page.addObject("decidedBy", decidedBy);
        page.addObject("error", error);
        page.addObject("csrfToken", csrf.token(request));
        page.addObject(
                "live",
                error == null
                        && release.completedAt() == null
                        && (release.state().equals("SENDING") || release.state().equals("SCHEDULED")));
        page.setStatus(status);
        return page;
    }

    private static ModelAndView notFound(String id) {
        ModelAndView page = new ModelAndView("release-not-found");
        page.addObject("id", id);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    /** A readable page for a refusal of the coordinator gate (401, 403, 503). */
    private static ModelAndView refused(int status) {
        return refused(status, "refused." + (status == 401 || status == 403 ? status : 503));
    }

    private static ModelAndView refused(int status, String textKey) {
        ModelAndView page = new ModelAndView("release-refused");
        page.addObject("textKey", textKey);
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }
}

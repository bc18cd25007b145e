package org.chorus.distribution.releases;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
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
 * The coordinator's release pages: every release with its live progress (the page reloads itself every 2 s, no
 * JavaScript), one release in detail, and the decision form of a release HELD after a missed embargo. In English,
 * French, Spanish, Arabic (right to left), Chinese or Russian, as {@link ConsoleLanguage} picks.
 */
@Controller
@RequestMapping("/console/releases")
class ReleasePages {
    private final Releases releases;
    private final Clock clock;
    private final MessageSource messages;

    ReleasePages(Releases releases, Clock clock, MessageSource messages) {
        this.releases = releases;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list() {
        ModelAndView page = new ModelAndView("releases");
        page.addObject("releases", releases.recent(50));
        return page;
    }

    @GetMapping("/{id}")
    ModelAndView detail(@PathVariable String id) {
        return release(id)
                .map(progress -> detailPage(progress, "", null, HttpStatus.OK))
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/decision")
    ModelAndView decide(
            @PathVariable String id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String decidedBy) {
        Optional<Releases.Progress> release = release(id);
        if (release.isEmpty()) {
            return notFound(id);
        }
        String name = decidedBy == null ? "" : decidedBy.strip();
        if (!"send".equals(decision) && !"cancel".equals(decision)) {
            return detailPage(release.get(), name, message("error.choose"), HttpStatus.BAD_REQUEST);
        }
        if (name.isEmpty() || name.length() > 200) {
            return detailPage(release.get(), name, message("error.name"), HttpStatus.BAD_REQUEST);
        }
        try {
            releases.decide(release.get().id(), decision.equals("send"), name, clock.instant());
        } catch (ErrorResponseException e) {
            return detailPage(
                    releases.progress(release.get().id()), name, e.getBody().getDetail(), HttpStatus.CONFLICT);
        }
        return new ModelAndView("redirect:/console/releases/" + release.get().id());
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private Optional<Releases.Progress> release(String id) {
        try {
            return Optional.of(releases.progress(UUID.fromString(id)));
        } catch (IllegalArgumentException | ErrorResponseException e) {
            return Optional.empty();
        }
    }

    private static ModelAndView detailPage(
            Releases.Progress release, String decidedBy, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("release");
        page.addObject("release", release);
        page.addObject("decidedBy", decidedBy);
        page.addObject("error", error);
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
}

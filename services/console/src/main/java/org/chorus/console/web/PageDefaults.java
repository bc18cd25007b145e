package org.chorus.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.chorus.console.signin.Coordinator;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs (language, direction, the path for the language switch), and service errors as pages. */
@ControllerAdvice
class PageDefaults {
    private final ProblemMessages problems;

    PageDefaults(ProblemMessages problems) {
        this.problems = problems;
    }

    @ModelAttribute
    void page(HttpServletRequest request, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", ConsoleLocale.rightToLeft(locale) ? "rtl" : "ltr");
        model.addAttribute("languages", ConsoleLocale.LANGUAGES);
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("times", CoordinatorZone.of(request, null, locale));
        model.addAttribute("countryNames", new CountryNames(locale));
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("signedIn", authentication != null && authentication.getPrincipal() instanceof Coordinator);
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.status() == 401) {
            // the session token ended (expired, or revoked elsewhere): sign in again
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/login?expired&lang="
                    + LocaleContextHolder.getLocale().getLanguage();
        }
        page(request, model);
        response.setStatus(problem.status() >= 500 ? HttpStatus.SERVICE_UNAVAILABLE.value() : problem.status());
        model.addAttribute("message", problems.describe(problem, LocaleContextHolder.getLocale()));
        return "problem";
    }
}

package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.chorus.platform.web.RequestLanguage;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The console speaks the coordinator's language once logged in; before, the language the request asks for. */
@Component("localeResolver")
class ConsoleLocale extends RequestLanguage {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentCoordinator coordinator) {
            return Locale.forLanguageTag(coordinator.language());
        }
        return super.resolveLocale(request);
    }
}

package org.chorus.console.signin;

import java.util.List;
import org.chorus.console.web.ConsoleLocale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one security edge for coordinators: form sign-in (e-mail, password and TOTP code, checked by statements), a
 * server-side session that ends after {@code chorus.console.session-timeout} without a request, CSRF tokens on every
 * form, sign-out that revokes the session's token, and pages that load nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new ConsoleLocale();
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, StatementsSignIn signIn, SessionEnd sessionEnd) throws Exception {
        return http.authenticationManager(new ProviderManager(List.of(signIn)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/assets/**", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(
                                request -> new SignInDetails(request.getParameter("code"), request.getRemoteAddr()))
                        .successHandler((request, response, authentication) -> {
                            ConsoleLocale.adoptUnlessChosen(request, language(authentication));
                            response.sendRedirect(request.getContextPath() + "/statements");
                        })
                        .failureHandler((request, response, refused) -> {
                            String reason = refused instanceof SignInRefused why ? why.reason() : "wrong";
                            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, e) -> response.sendRedirect(request.getContextPath() + "/login"
                                + ConsoleLocale.supported(request.getParameter("lang"))
                                        .map(language -> "?lang=" + language)
                                        .orElse(""))))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null
                                    && authentication.getPrincipal() instanceof Coordinator coordinator) {
                                sessionEnd.revoke(coordinator);
                            }
                        })
                        // the session and the language kept in it are gone: the form says which language to go on in
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + "/login?signedOut"
                                        + ConsoleLocale.supported(request.getParameter("lang"))
                                                .map(language -> "&lang=" + language)
                                                .orElse(""))))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    private static String language(Authentication authentication) {
        return authentication.getPrincipal() instanceof Coordinator coordinator ? coordinator.language() : null;
    }
}

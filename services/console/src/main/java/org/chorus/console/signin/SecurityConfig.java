package org.chorus.console.signin;

import java.util.List;
import org.chorus.console.web.ConsoleLocale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one security edge for coordinators: form sign-in (e-mail, password and TOTP code, checked by statements) or a
 * passkey (Spring Security WebAuthn, {@link PasskeySignIn}; registered on the account page), a server-side session that ends after {@code chorus.console.session-timeout} without a request, CSRF tokens on every
 * form, sign-out that revokes the session's token, and pages that load nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new ConsoleLocale();
    }

    @Bean
    SecurityFilterChain console(
            HttpSecurity http,
            StatementsSignIn signIn,
            SessionEnd sessionEnd,
            PasskeySignIn passkeySignIn,
            PasskeySettings passkeys)
            throws Exception {
        // WebAuthn asks for one; every passkey sign-in goes through PasskeySignIn instead (passkeySignIn below)
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("coordinators sign in at statements");
        });
        return http.authenticationManager(new ProviderManager(List.of(signIn)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/assets/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
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
                .webAuthn(webAuthn -> webAuthn.rpId(passkeys.rpId())
                        .rpName(passkeys.rpName())
                        .allowedOrigins(passkeys.allowedOrigins())
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(passkeySignIn(passkeySignIn)))
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

    /**
     * A passkey sign-in ({@code POST /login/webauthn}) ends as a form sign-in does: the coordinator of statements' session
     * in the server-side session under a new session id with a new CSRF token, in the coordinator's language.
     */
    private static ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeySignIn(PasskeySignIn passkeySignIn) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(new ProviderManager(List.of(passkeySignIn)));
                filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
                filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                        new ChangeSessionIdAuthenticationStrategy(),
                        new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
                var answer = new HttpMessageConverterAuthenticationSuccessHandler();
                filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                    ConsoleLocale.adoptUnlessChosen(request, language(authentication));
                    answer.onAuthenticationSuccess(request, response, authentication);
                });
                return filter;
            }
        };
    }

    private static String language(Authentication authentication) {
        return authentication.getPrincipal() instanceof Coordinator coordinator ? coordinator.language() : null;
    }
}

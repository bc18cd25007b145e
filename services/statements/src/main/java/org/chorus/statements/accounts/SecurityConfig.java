package org.chorus.statements.accounts;

import org.chorus.platform.web.CoordinatorGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two doors: the JSON API under {@code /api/**} takes personal bearer tokens (stateless, no cookies, so no CSRF), and
 * answers 401/403 as problem+json; the console under {@code /console/**} takes a session opened by password plus TOTP,
 * with CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokens(accounts), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.POST, "/api/tokens", "/api/sessions", "/api/sessions/passkey")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, e) -> ProblemResponses.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        "Send Authorization: Bearer <your personal API token>."))
                                .accessDeniedHandler((request, response, e) ->
                                        ProblemResponses.write(response, 403, "Forbidden", "Not allowed.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, SecurityContextRepository contexts, Accounts accounts)
            throws Exception {
        return http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/console/login",
                                "/console/login/code",
                                "/console*.css",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/actuator/info",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/console/login")))
                .logout(logout -> logout.logoutUrl("/console/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (request.getCookies() != null) {
                                for (var cookie : request.getCookies()) {
                                    if (CoordinatorGate.COOKIE.equals(cookie.getName())) {
                                        accounts.revoke(cookie.getValue());
                                    }
                                }
                            }
                        })
                        .deleteCookies(CoordinatorGate.COOKIE)
                        .logoutSuccessUrl("/console/login?signedOut"))
                .build();
    }
}

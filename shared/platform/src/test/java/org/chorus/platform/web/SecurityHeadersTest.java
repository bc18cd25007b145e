package org.chorus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersTest {

    @Test
    void productionTellsBrowsersToUseHttpsOnly() throws Exception {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        MockHttpServletResponse page = served(production);

        assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void developmentOverPlainHttpSendsNoHsts() throws Exception {
        MockHttpServletResponse page = served(new MockEnvironment());

        assertThat(page.getHeader("Strict-Transport-Security")).isNull();
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void anOperatorCanSetTheirOwnHstsOrTurnItOff() throws Exception {
        MockEnvironment preloaded = new MockEnvironment()
                .withProperty("chorus.web.strict-transport-security", "max-age=63072000; includeSubDomains; preload");
        preloaded.setActiveProfiles("prod");
        MockEnvironment behindAnotherTerminator =
                new MockEnvironment().withProperty("chorus.web.strict-transport-security", "");
        behindAnotherTerminator.setActiveProfiles("prod");

        assertThat(served(preloaded).getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=63072000; includeSubDomains; preload");
        assertThat(served(behindAnotherTerminator).getHeader("Strict-Transport-Security"))
                .isNull();
    }

    private static MockHttpServletResponse served(MockEnvironment environment) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(environment)
                .doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
        return response;
    }
}

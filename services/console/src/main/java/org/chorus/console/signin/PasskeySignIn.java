package org.chorus.console.signin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * A passkey instead of password and code: Spring Security's relying party checks the signature against the public key
 * stored at registration, for the challenge this session was given and the configured origins; the credential names
 * its own coordinator (never what the browser claims), whose session token statements then issues to the console.
 */
@Component
class PasskeySignIn implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(PasskeySignIn.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final Services services;
    private final PasskeySettings settings;

    PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, Services services, PasskeySettings settings) {
        this.relyingParty = relyingParty;
        this.services = services;
        this.settings = settings;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) attempt;
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException refused) {
            throw new BadCredentialsException("passkey refused", refused);
        }
        UUID coordinatorId;
        try {
            coordinatorId = UUID.fromString(user.getName());
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("passkey of no coordinator");
        }
        Map<?, ?> session;
        try {
            session = (Map<?, ?>) services.call(
                    HttpMethod.POST,
                    Service.STATEMENTS,
                    "/api/sessions/passkey",
                    Map.of("coordinatorId", coordinatorId.toString()),
                    null,
                    Map.of("X-Chorus-Console-Key", settings.statementsKey()));
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                log.warn("passkey sign-in: the statements service answered {}", problem.status());
                throw new AuthenticationServiceException("statements unavailable");
            }
            // 401: the account is gone, or the console's key is not statements'
            log.warn("passkey sign-in: statements refused a session for {} ({})", coordinatorId, problem.status());
            throw new BadCredentialsException("no session for this passkey");
        }
        Coordinator coordinator = StatementsSignIn.coordinator(session);
        return UsernamePasswordAuthenticationToken.authenticated(
                coordinator, null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}

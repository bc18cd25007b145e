package org.chorus.console.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Where passkeys are kept: Spring Security's JDBC repositories on the console's own schema ({@code
 * db/migration/console}). A coordinator's WebAuthn user is named by the coordinator's id (which the console hands to
 * statements after a passkey sign-in) and shown by their e-mail address in the authenticator's account picker.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new CoordinatorUsers(new JdbcPublicKeyCredentialUserEntityRepository(jdbc));
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingParty(
            PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials,
            PasskeySettings settings) {
        return new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(settings.rpId())
                        .name(settings.rpName())
                        .build(),
                settings.allowedOrigins());
    }

    /** Names a new WebAuthn user after the signed-in coordinator: the id as name, the e-mail address as display name. */
    record CoordinatorUsers(PublicKeyCredentialUserEntityRepository stored)
            implements PublicKeyCredentialUserEntityRepository {

        @Override
        public PublicKeyCredentialUserEntity findById(Bytes id) {
            return stored.findById(id);
        }

        @Override
        public PublicKeyCredentialUserEntity findByUsername(String username) {
            return stored.findByUsername(username);
        }

        @Override
        public void save(PublicKeyCredentialUserEntity user) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.getPrincipal() instanceof Coordinator coordinator
                    && coordinator.getName().equals(user.getName())) {
                user = ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(user.getId())
                        .name(user.getName())
                        .displayName(coordinator.email())
                        .build();
            }
            stored.save(user);
        }

        @Override
        public void delete(Bytes id) {
            stored.delete(id);
        }
    }
}

package org.chorus.platform.sealing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The beans that seal and open signature events (names of signatories for distribution, invitees for tracking), from
 * {@link SealingProperties}: signatures imports {@link Signatures} (public keys only), distribution {@link
 * Distribution} and tracking {@link Tracking} (each its own private keys). Each refuses to start without its keys, or
 * under the {@code prod} profile with the published development keys.
 */
public final class SignatorySealing {

    @Configuration(proxyBeanMethods = false)
    @Import(MailSealing.Keys.class)
    public static class Signatures {
        @Bean
        SignatorySealer signatorySealer(SealingProperties properties, Environment environment) {
            return new SignatorySealer(
                    SealingKeys.sealer(
                            "chorus.sealing.", properties.keyId(), properties.publicKey(), "distribution", environment),
                    SealingKeys.sealer(
                            "chorus.sealing.tracking.",
                            properties.tracking().keyId(),
                            properties.tracking().publicKey(),
                            "tracking",
                            environment));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(MailSealing.Keys.class)
    public static class Distribution {
        @Bean
        SignatoryOpener signatoryOpener(SealingProperties properties, Environment environment) {
            return new SignatoryOpener(SealingKeys.opener(properties, "distribution", environment));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(MailSealing.Keys.class)
    public static class Tracking {
        @Bean
        InviteeOpener inviteeOpener(SealingProperties properties, Environment environment) {
            return new InviteeOpener(SealingKeys.opener(properties, "tracking", environment));
        }
    }

    private SignatorySealing() {}
}

package org.chorus.platform.sealing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The mail-sealing beans from {@link SealingProperties}: a service that requests mail imports {@link Requester} (it
 * gets a {@link MailSealer}, public key only); distribution imports {@link Distribution} (a {@link MailOpener} with
 * every private key). Either refuses to start without its keys, or under the {@code prod} profile with the published
 * development keys.
 */
public final class MailSealing {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SealingProperties.class)
    static class Keys {}

    @Configuration(proxyBeanMethods = false)
    @Import(Keys.class)
    public static class Requester {
        @Bean
        MailSealer mailSealer(SealingProperties properties, Environment environment) {
            return new MailSealer(SealingKeys.sealer(
                    "chorus.sealing.", properties.keyId(), properties.publicKey(), "distribution", environment));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Keys.class)
    public static class Distribution {
        @Bean
        MailOpener mailOpener(SealingProperties properties, Environment environment) {
            return new MailOpener(SealingKeys.opener(properties, "distribution", environment));
        }

        /** Distribution's own sealing of what it keeps at rest, under keys derived from the same private keys. */
        @Bean
        AtRest atRest(SealingProperties properties, Environment environment) {
            return new AtRest(SealingKeys.privateKeys(properties, "distribution", environment));
        }
    }

    private MailSealing() {}
}

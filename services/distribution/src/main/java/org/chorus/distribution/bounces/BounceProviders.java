package org.chorus.distribution.bounces;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mail providers allowed to report bounces over HTTP ({@code chorus.bounces.providers.<name>.secret}), each with
 * its own secret: at least 32 random bytes, base64-encoded, shared with that provider only. A report is accepted only
 * when signed with it (see {@link ProviderSignatures}) within {@code tolerance} of its timestamp.
 */
@ConfigurationProperties("chorus.bounces")
record BounceProviders(
        Map<String, Provider> providers, @DefaultValue("5m") Duration tolerance) {

    record Provider(String secret) {}

    BounceProviders {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }
}

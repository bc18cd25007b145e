package org.chorus.statements.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first coordinator at startup when {@code chorus.bootstrap.coordinator.email} is set (the dev stack and
 * tests set it; production leaves it empty and creates accounts through an existing coordinator).
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Accounts accounts;
    private final String email;
    private final String password;
    private final String totpSecret;
    private final String apiToken;

    Bootstrap(
            Accounts accounts,
            @Value("${chorus.bootstrap.coordinator.email:}") String email,
            @Value("${chorus.bootstrap.coordinator.password:}") String password,
            @Value("${chorus.bootstrap.coordinator.totp-secret:}") String totpSecret,
            @Value("${chorus.bootstrap.coordinator.api-token:}") String apiToken) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
        this.totpSecret = totpSecret;
        this.apiToken = apiToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        if (password.length() < 12 || !Totp.isBase32(totpSecret)) {
            throw new IllegalStateException("chorus.bootstrap.coordinator needs a password of at least 12 characters"
                    + " and a base32 totp-secret of at least 16 characters");
        }
        if (accounts.bootstrap(email, password, totpSecret, apiToken)) {
            log.info("Bootstrap coordinator account created");
        }
    }
}

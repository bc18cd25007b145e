package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.chorus.events.Countries;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;

/**
 * Whatever a bot or a broken phone sends to the public pages, the answer is a 4xx with a readable page, never a
 * server error, and nothing is stored.
 */
class PublicPagesFuzzTest {
    private static final String HASH = "c".repeat(64);
    private static UUID statement;
    private static Http signatures;
    private static Connection database;

    @BeforeContainer
    static void aStatementOpenForSignature() {
        signatures = TestPlatform.signatures();
        statement = UUID.randomUUID();
        TopicReader.send(
                Topics.STATEMENTS,
                statement.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_OPENED,
                        "/statements",
                        statement,
                        Instant.now(),
                        new StatementOpened(statement, "Fuzzed statement", "en", 1, "Text.", HASH)));
        Eventually.await(
                Duration.ofSeconds(60),
                () -> assertThat(signatures.get("/sign/" + statement).status()).isEqualTo(200));
    }

    @Property(tries = 1000)
    void malformedSignOnFormsAreRefusedWithAPageAndStoreNothing(
            @ForAll("names") String name,
            @ForAll("countries") String country,
            @ForAll("junk") String qualifier,
            @ForAll("contactNames") String contactName,
            @ForAll("emails") String email,
            @ForAll("authorisations") String authorised,
            @ForAll("hashes") String revisionHash) {
        Assume.that(!wouldBeAccepted(name, country, qualifier, contactName, email, authorised, revisionHash));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("country", country);
        form.put("qualifier", qualifier);
        form.put("contactName", contactName);
        form.put("email", email);
        if (authorised != null) {
            form.put("authorised", authorised);
        }
        form.put("revisionHash", revisionHash);
        form.put("website", "");

        var answer = signatures.postForm("/sign/" + statement, form);

        assertThat(answer.status()).as("status for %s", form).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("class=\"error\"");
        assertThat(signaturesStored()).isZero();
    }

    @Property(tries = 1000)
    void forgedConfirmationLinksAndStatementAddressesAreNotFound(@ForAll("junk") String token) {
        String path = java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        var confirm = signatures.get("/confirm/" + path);
        var confirmPost = signatures.postForm("/confirm/" + path, Map.of());
        var sign = signatures.get("/sign/" + path);
        for (var answer : java.util.List.of(confirm, confirmPost, sign)) {
            assertThat(answer.status()).as("status for %s", token).isBetween(400, 499);
        }
        assertThat(signaturesStored()).isZero();
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u00a0\u00a0", "\t\n"),
                Arbitraries.strings().ofMinLength(201).ofMaxLength(2000),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of(
                        "Lawyers for Lawyers", "<script>alert(1)</script>", "Robert'); DROP TABLE signature;--"));
    }

    @Provide
    Arbitrary<String> contactNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u00a0", "Amina Diallo"),
                Arbitraries.strings().ofMinLength(201).ofMaxLength(1000),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "NL", "ZZ", "nl", "Netherlands", "XK", "'; --"),
                Arbitraries.strings().alpha().ofLength(2),
                Arbitraries.strings().all().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "not-an-address", "a@", "@b.example", "a b@c.example", "a@@b.example", "\"@\"."),
                Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(400).map(local -> local + "@x.example"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("fuzz@valid.example"));
    }

    @Provide
    Arbitrary<String> authorisations() {
        return Arbitraries.of(null, "true", "false", "", "yes", "1", "on\u0000");
    }

    @Provide
    Arbitrary<String> hashes() {
        return Arbitraries.oneOf(
                Arbitraries.of(HASH, "", "d".repeat(64)),
                Arbitraries.strings().all().ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(100),
                Arbitraries.of("", "..", "%00", "x".repeat(5000)));
    }

    private static boolean wouldBeAccepted(
            String name,
            String country,
            String qualifier,
            String contactName,
            String email,
            String authorised,
            String hash) {
        if ((name + country + qualifier + contactName + email + hash).indexOf('\u0000') >= 0) {
            return false;
        }
        String trimmedName = name.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
        String trimmedCountry = country.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
        String trimmedEmail = email.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
        String trimmedContact = contactName.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
        return !trimmedName.isEmpty()
                && trimmedName.length() <= 200
                && (trimmedCountry.isEmpty() || Countries.isKnown(trimmedCountry))
                && qualifier.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "").length() <= 300
                && !trimmedContact.isEmpty()
                && trimmedContact.length() <= 200
                && trimmedEmail.matches("[^@\\s\"]+@[^@\\s\"]+\\.[A-Za-z]{2,}")
                && trimmedEmail.length() <= 254
                && authorised != null
                && java.util.Set.of("true", "on", "yes", "1")
                        .contains(authorised.strip().toLowerCase(java.util.Locale.ROOT))
                && HASH.equals(hash);
    }

    private static int signaturesStored() {
        try (PreparedStatement query =
                database().prepareStatement("select count(*) from signatures.signature where statement_id = ?")) {
            query.setObject(1, statement);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Connection database() throws SQLException {
        if (database == null) {
            Infrastructure infrastructure = RealInfrastructure.get();
            database = DriverManager.getConnection(
                    infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
        }
        return database;
    }
}

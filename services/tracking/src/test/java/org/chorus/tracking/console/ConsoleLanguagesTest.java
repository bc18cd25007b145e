package org.chorus.tracking.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Coordinators read the dashboard in their browser's language, among the UN's six; Arabic right to left. */
@ChorusServiceTest
class ConsoleLanguagesTest {
    /** language → how the page says "confirmed signatures" and "Invited organisations". */
    static final Map<String, String[]> SAID = Map.of(
            "en", new String[] {"confirmed signatures", "Invited organisations"},
            "fr", new String[] {"signatures confirmées", "Organisations invitées"},
            "es", new String[] {"firmas confirmadas", "Organizaciones invitadas"},
            "ar", new String[] {"توقيعًا مؤكدًا", "المنظمات المدعوة"},
            "zh", new String[] {"个已确认联署", "受邀组织"},
            "ru", new String[] {"подтверждённых подписей", "Приглашённые организации"});

    @LocalServerPort
    int port;

    UUID statement = UUID.randomUUID();

    @Test
    void theDashboardAndTheListSpeakEachOfTheSixLanguages() {
        TrackingEvents.open(statement, "Statement in six languages", "en");
        TrackingEvents.schedule(statement, Instant.parse("2030-02-11T12:00:00Z"), 10);
        UUID invitation = TrackingEvents.invite(statement, 1, "Lawyers for Lawyers", "NL", "en");
        TrackingEvents.invitationSent(statement, invitation);
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, invitation, 1, Instant.now());
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, null, Visibility.WITHHELD, null, null, Instant.now());
        TrackingEvents.withdraw(statement, TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "FR"));
        TrackingEvents.requestReconsent(statement, 2, Instant.parse("2030-01-11T12:00:00Z"));
        Http english = http("en");
        Eventually.await(PATIENCE, () -> {
            var counts = english.get("/api/statements/" + statement + "/counts").json();
            assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
            assertThat(counts.at("/removed/WITHDRAWN").asLong()).isEqualTo(1);
            assertThat(counts.get("reconsent").isNull()).isFalse();
        });

        SAID.forEach((language, said) -> {
            var page = http(language).get("/console/statements/" + statement);
            assertThat(page.status()).isEqualTo(200);
            String direction = language.equals("ar") ? "rtl" : "ltr";
            assertThat(page.body())
                    .as(language)
                    .contains("<html lang=\"" + language + "\" dir=\"" + direction + "\">")
                    .contains(said[0], said[1])
                    .contains("Statement in six languages")
                    .doesNotContain("??");
            var list = http(language).get("/console/statements");
            assertThat(list.body())
                    .as(language)
                    .contains("<html lang=\"" + language + "\" dir=\"" + direction + "\">")
                    .doesNotContain("??");
        });
        assertThat(http("fr").get("/console/statements/" + statement).body())
                .contains("20 % de l’objectif de 10", "non publiée", "retirées", "a signé", "envoyées");
        assertThat(http("fr").get("/console/statements/" + statement).body().replaceAll("\\h", " "))
                .as("the deadline written for a French reader (the fixture's Europe/Geneva is no IANA zone: UTC)")
                .contains(">11 février 2030 à 12:00 UTC</time>", "(Europe/Geneva)")
                .doesNotContain(">2030-02-11T12:00:00Z<");
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglishAndTheAddressCanChooseOne() {
        var german = http("de-DE,de;q=0.9").get("/console/statements/not-a-statement");
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.body()).contains("<html lang=\"en\" dir=\"ltr\">", "This is not a statement address.");

        var chosen = http("de-DE").get("/console/statements/not-a-statement?lang=ar");
        assertThat(chosen.body()).contains("<html lang=\"ar\" dir=\"rtl\">", "هذا ليس عنوان بيان.");
    }

    private Http http(String acceptLanguage) {
        return new Http("http://localhost:" + port).withHeader("Accept-Language", acceptLanguage);
    }
}

package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chorus.events.ErratumAdded;
import org.chorus.events.EventTypes;
import org.chorus.events.ScheduleSet;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.events.TranslationUpdated;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.ErrorResponseException;

@ChorusServiceTest
class LifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.owner(port);
    }

    @Test
    void aStatementGoesFromDraftToPublishedAndThenOnlyTakesVersionedErrata() {
        String id = api.draft("Release me", "The final text.");
        String path = "/api/statements/" + id;
        assertThat(api.post(path + "/errata", Map.of("text", "Too early")).status())
                .isEqualTo(409);
        assertThat(api.post(path + "/open", "").json().get("status").asString()).isEqualTo("OPEN");
        assertThat(api.post(path + "/close", "").json().get("status").asString())
                .isEqualTo("CLOSED");
        var published = api.post(path + "/publish", "");
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedAt").isNull()).isFalse();

        var first = api.post(path + "/errata", Map.of("text", "In demand 2, read 'detention' for 'detentions'."));
        assertThat(first.status()).isEqualTo(200);
        var second = api.post(path + "/errata", Map.of("text", "Erratum 1 applies to demand 3, not 2."));
        assertThat(second.json().size()).isEqualTo(2);
        assertThat(second.json().get(1).get("number").asInt()).isEqualTo(2);
        assertThat(second.json().get(0).get("text").asString()).contains("demand 2");
        var errata = TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.ERRATUM_ADDED.name(), id, WAIT).stream()
                .map(envelope -> (ErratumAdded) envelope.data())
                .sorted(java.util.Comparator.comparingInt(ErratumAdded::number))
                .toList();
        assertThat(errata)
                .as("each erratum is announced, for the releases sent after it")
                .extracting(ErratumAdded::number, ErratumAdded::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "In demand 2, read 'detention' for 'detentions'."),
                        org.assertj.core.groups.Tuple.tuple(2, "Erratum 1 applies to demand 3, not 2."));

        var event = (StatementPublished)
                TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.STATEMENT_PUBLISHED.name(), id, WAIT)
                        .get(0)
                        .data();
        assertThat(event.revision()).isEqualTo(1);
        var closed = TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.STATEMENT_CLOSED.name(), id, WAIT);
        assertThat(closed).hasSize(1);
        Instant closedAt = Instant.parse(api.get(path).json().get("closedAt").asString());
        assertThat(((StatementClosed) closed.get(0).data()).signOnEndedAt()).isEqualTo(closedAt);
        assertThat(event.signOnEndedAt())
                .as("publication carries the moment sign-on ended: the close")
                .isEqualTo(closedAt);
    }

    @Test
    void illegalLifecycleMovesAreRefusedWithClearMessagesAndChangeNothing() {
        String id = api.draft("Guarded", "Guarded text.");
        String path = "/api/statements/" + id;
        var closeDraft = api.post(path + "/close", "");
        assertThat(closeDraft.status()).isEqualTo(409);
        assertThat(closeDraft.json().get("detail").asString()).contains("a draft");
        assertThat(api.post(path + "/publish", Map.of("confirm", true)).status())
                .isEqualTo(409);

        api.post(path + "/open", "");
        var publishOpen = api.post(path + "/publish", "");
        assertThat(publishOpen.status()).isEqualTo(409);
        assertThat(publishOpen.json().get("detail").asString()).contains("still open", "\"confirm\":true");
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("OPEN");

        var confirmed = api.post(path + "/publish", Map.of("confirm", true));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(confirmed.json().get("closedAt").isNull()).isFalse();

        assertThat(api.post(path + "/withdraw", Map.of("reason", " ")).status()).isEqualTo(400);
        var withdrawn = api.post(path + "/withdraw", Map.of("reason", "A signatory was put at risk."));
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        var again = api.post(path + "/withdraw", Map.of("reason", "Twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already withdrawn");
        assertThat(api.post(path + "/open", "").status()).isEqualTo(409);
        assertThat(api.get(path).json().get("withdrawalReason").asString()).isEqualTo("A signatory was put at risk.");

        var event = (StatementWithdrawn)
                TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.STATEMENT_WITHDRAWN.name(), id, WAIT)
                        .get(0)
                        .data();
        assertThat(event.reason()).isEqualTo("A signatory was put at risk.");
        assertThat(event.signOnEndedAt())
                .as("a statement withdrawn after its close ended sign-on at the close")
                .isEqualTo(Instant.parse(confirmed.json().get("closedAt").asString()));
    }

    @Test
    void aMaterialRevisionAfterOpeningIsAnnouncedAndMakesTranslationsStale() {
        String id = api.draft("Translated", "We urge the release of all defenders.");
        String path = "/api/statements/" + id;
        var french = api.put(
                path + "/translations/fr",
                Map.of(
                        "title",
                        "Traduit",
                        "body",
                        "Nous demandons la libération de tous les défenseurs.",
                        "status",
                        "FINAL"));
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.json().get("sourceRevision").asInt()).isEqualTo(1);
        api.put(
                path + "/translations/ar",
                Map.of("title", "مترجم", "body", "نطالب بالإفراج عن جميع المدافعين.", "status", "REVIEWED"));
        api.post(path + "/open", "");

        api.post(
                path + "/revisions",
                Map.of("title", "Translated", "body", "We urge the release of all defenders .", "material", false));
        assertThat(api.get(path + "/translations/fr").json().get("stale").asBoolean())
                .isFalse();

        var material = api.post(
                path + "/revisions",
                Map.of("title", "Translated", "body", "We urge the immediate release of all defenders."));
        assertThat(material.status()).isEqualTo(200);
        assertThat(material.json().at("/revision/number").asInt()).isEqualTo(3);

        var revised = TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.STATEMENT_REVISED.name(), id, WAIT).stream()
                .map(envelope -> (StatementRevised) envelope.data())
                .filter(event -> event.revision() == 3)
                .findFirst()
                .orElseThrow();
        assertThat(revised.material()).isTrue();
        assertThat(revised.text()).isEqualTo("We urge the immediate release of all defenders.");
        assertThat(revised.contentHash())
                .isEqualTo(Revision.contentHash("Translated", "We urge the immediate release of all defenders."));

        var translations = api.get(path + "/translations").json();
        assertThat(translations.size()).isEqualTo(2);
        translations.forEach(t -> assertThat(t.get("stale").asBoolean()).isTrue());
        Eventually.await(
                WAIT,
                () -> assertThat(
                                TopicReader.awaitEvents(
                                                Topics.STATEMENTS, EventTypes.TRANSLATION_UPDATED.name(), id, WAIT)
                                        .stream()
                                        .map(envelope -> (TranslationUpdated) envelope.data())
                                        .filter(TranslationUpdated::stale)
                                        .map(TranslationUpdated::language))
                        .containsExactlyInAnyOrder("ar", "fr"));

        var updated = api.put(
                path + "/translations/fr",
                Map.of(
                        "title",
                        "Traduit",
                        "body",
                        "Nous demandons la libération immédiate de tous les défenseurs.",
                        "status",
                        "FINAL"));
        assertThat(updated.json().get("stale").asBoolean()).isFalse();
        assertThat(updated.json().get("sourceRevision").asInt()).isEqualTo(3);
        var fresh = TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.TRANSLATION_UPDATED.name(), id, WAIT).stream()
                .map(envelope -> (TranslationUpdated) envelope.data())
                .filter(event -> event.sourceRevision() == 3)
                .findFirst()
                .orElseThrow();
        assertThat(fresh.language()).isEqualTo("fr");
        assertThat(fresh.stale()).isFalse();
    }

    @Test
    void translationsIntoUnknownOrThePrimaryLanguageAreRefused() {
        String id = api.draft("Languages", "Text.");
        String path = "/api/statements/" + id;
        Map<String, String> text = Map.of("title", "T", "body", "B", "status", "DRAFT");
        var unknown = api.put(path + "/translations/xx", text);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("language");
        assertThat(api.put(path + "/translations/en", text).status()).isEqualTo(400);
        assertThat(api.put(path + "/translations/zh", Map.of("title", "", "body", "B", "status", "DRAFT"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get(path + "/translations").json().size()).isZero();
        for (String language : new String[] {"ar", "es", "fr", "ru", "zh", "sw"}) {
            assertThat(api.put(path + "/translations/" + language, text).status())
                    .as(language)
                    .isEqualTo(200);
        }
    }

    @Test
    void deadlineTargetAndEmbargoAreSetInTheCoordinatorsTimeZone() {
        String id = api.draft("Scheduled", "Text.");
        String path = "/api/statements/" + id;
        var set = api.put(
                path + "/schedule",
                Map.of(
                        "deadline", "2099-02-11T12:00",
                        "signatureTarget", 30,
                        "embargoUntil", "2099-02-12T09:00",
                        "timeZone", "Europe/Zurich"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().at("/schedule/deadline").asString()).isEqualTo("2099-02-11T11:00:00Z");

        var event = (ScheduleSet) TopicReader.awaitEvents(Topics.STATEMENTS, EventTypes.SCHEDULE_SET.name(), id, WAIT)
                .get(0)
                .data();
        assertThat(event.deadline()).isEqualTo(Instant.parse("2099-02-11T11:00:00Z"));
        assertThat(event.embargoUntil()).isEqualTo(Instant.parse("2099-02-12T08:00:00Z"));
        assertThat(event.signatureTarget()).isEqualTo(30);
        assertThat(event.timeZone()).isEqualTo("Europe/Zurich");

        var badZone = api.put(path + "/schedule", Map.of("signatureTarget", 5, "timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().at("/errors/0/field").asString()).isEqualTo("timeZone");
        var past = api.put(path + "/schedule", Map.of("deadline", "2001-01-01T00:00", "timeZone", "UTC"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("deadline");
        assertThat(api.get(path).json().at("/schedule/signatureTarget").asInt()).isEqualTo(30);
    }

    @Test
    void aDeadlineOrEmbargoMustLieAfterNow() {
        Instant now = Instant.parse("2025-02-10T09:00:00Z");
        var schedule = Schedule.of("2025-02-11T12:00", 30, null, "Asia/Shanghai", now);
        assertThat(schedule.deadline()).isEqualTo(Instant.parse("2025-02-11T04:00:00Z"));
        assertThatThrownBy(() -> Schedule.of("2025-02-10T16:59", null, null, "Asia/Shanghai", now))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("already passed");
        assertThatThrownBy(() -> Schedule.of(null, null, "2025-02-10T10:00", "Europe/Zurich", now))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(Schedule.of(null, null, "2025-02-10T10:01", "Europe/Zurich", now)
                        .embargoUntil())
                .isEqualTo(Instant.parse("2025-02-10T09:01:00Z"));
    }
}

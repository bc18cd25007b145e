package org.chorus.statements.translations;

import java.util.List;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.TranslationUpdated;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.chorus.statements.drafting.Access;
import org.chorus.statements.drafting.FieldProblems;
import org.chorus.statements.drafting.MaterialRevisionSaved;
import org.chorus.statements.drafting.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One translation per language, saved against the current source revision; stale after a material revision. */
@Service
class Translations {
    private final TranslationRepository translations;
    private final Access access;
    private final Outbox outbox;
    private final java.time.Clock clock;

    Translations(TranslationRepository translations, Access access, Outbox outbox, java.time.Clock clock) {
        this.translations = translations;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Translation save(
            CurrentCoordinator me,
            UUID statementId,
            String language,
            String title,
            String body,
            Translation.Status status) {
        title = HumanText.singleLine("title", title, 300);
        body = HumanText.multiLine("body", body, 100_000);
        Access.StatementRef statement = access.require(statementId, me, Role.EDITOR);
        FieldProblems.language("language", language);
        if (language.equals(statement.language())) {
            throw FieldProblems.invalid(
                    "language", "'" + language + "' is the statement's primary language; save a revision instead.");
        }
        if (statement.status().equals("PUBLISHED") || statement.status().equals("WITHDRAWN")) {
            throw Problems.conflict(
                    "Statement " + statementId + " is " + statement.status().toLowerCase(java.util.Locale.ROOT)
                            + "; its translations can no longer change.");
        }
        Translation translation = new Translation(
                statementId,
                language,
                statement.currentRevision(),
                status,
                title,
                body,
                Access.contentHash(title, body),
                false,
                clock.instant(),
                me.id(),
                0);
        int number = translations.save(translation);
        Translation saved = new Translation(
                translation.statementId(),
                translation.language(),
                translation.sourceRevision(),
                translation.status(),
                translation.title(),
                translation.body(),
                translation.contentHash(),
                translation.stale(),
                translation.updatedAt(),
                translation.updatedBy(),
                number);
        announce(saved);
        return saved;
    }

    @Transactional(readOnly = true)
    List<Translation> all(CurrentCoordinator me, UUID statementId) {
        access.require(statementId, me, Role.VIEWER);
        return translations.all(statementId);
    }

    @Transactional(readOnly = true)
    Translation one(CurrentCoordinator me, UUID statementId, String language) {
        access.require(statementId, me, Role.VIEWER);
        return translations
                .find(statementId, language)
                .orElseThrow(() ->
                        Problems.notFound("Statement " + statementId + " has no translation into '" + language + "'."));
    }

    /** Every save of the translation into this language, newest first, the current one marked. */
    @Transactional(readOnly = true)
    List<TranslationRevision> revisions(CurrentCoordinator me, UUID statementId, String language) {
        access.require(statementId, me, Role.VIEWER);
        List<TranslationRevision> revisions = translations.revisions(statementId, language);
        if (revisions.isEmpty()) {
            throw Problems.notFound("Statement " + statementId + " has no translation into '" + language + "'.");
        }
        return revisions;
    }

    @Transactional(readOnly = true)
    TranslationRevision revision(CurrentCoordinator me, UUID statementId, String language, int number) {
        return revisions(me, statementId, language).stream()
                .filter(revision -> revision.number() == number)
                .findFirst()
                .orElseThrow(() ->
                        Problems.notFound("The translation into '" + language + "' has no revision " + number + "."));
    }

    /** Runs inside the transaction that saved the material revision. */
    @EventListener
    void sourceChanged(MaterialRevisionSaved revision) {
        translations.markStale(revision.statementId(), revision.revision()).forEach(this::announce);
    }

    private void announce(Translation t) {
        outbox.append(
                EventTypes.TRANSLATION_UPDATED,
                t.statementId(),
                t.statementId(),
                new TranslationUpdated(
                        t.statementId(),
                        t.language(),
                        t.sourceRevision(),
                        t.status().name(),
                        t.title(),
                        t.body(),
                        t.contentHash(),
                        t.stale()));
    }
}

package org.chorus.signatures.signatories;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.Countries;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.platform.language.Languages;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.platform.text.Csv;
import org.chorus.platform.text.SignatoryLines;
import org.chorus.platform.web.Problems;
import org.chorus.signatures.audit.AuditTrail;
import org.chorus.signatures.signon.ConfirmationToken;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public signatory list: imported from a printed block, exported as text, CSV or PDF. Withheld names never. */
@Service
public class Signatories {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final SignatorySealer signatories;
    private final Clock clock;
    private final OpenStatements statements;
    private final AuditTrail audit;
    private final SignatoryPdf pdf;

    Signatories(
            JdbcClient jdbc,
            Outbox outbox,
            SignatorySealer signatories,
            Clock clock,
            OpenStatements statements,
            AuditTrail audit,
            SignatoryPdf pdf) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.signatories = signatories;
        this.clock = clock;
        this.statements = statements;
        this.audit = audit;
        this.pdf = pdf;
    }

    enum Order {
        TIME,
        ALPHABETICAL
    }

    record Signatory(String name, String country, String qualifier, SignatoryKind kind, Instant confirmedAt) {}

    /**
     * How a block was read; {@code imported} entries were stored now, {@code waiting} ones wait for the statement to
     * open (it is still a draft, unknown here).
     */
    record ImportResult(boolean preview, int imported, int waiting, List<SignatoryLines.Line> lines) {}

    /**
     * Parses the block; unless previewing, stores every entry as a confirmed, coordinator-entered signature with its
     * confirmation event, or, while the statement is not open here yet, keeps the block until it opens. A block with
     * any unreadable line stores nothing.
     */
    @Transactional
    ImportResult importBlock(UUID statementId, String block, boolean preview) {
        List<SignatoryLines.Line> lines = SignatoryLines.parse(block == null ? "" : block);
        if (lines.isEmpty()) {
            throw Problems.badRequest("signatories.noLines", "The text holds no signatory lines");
        }
        boolean readable = lines.stream().allMatch(SignatoryLines.Line::ok);
        if (preview || !readable) {
            return new ImportResult(true, 0, 0, lines);
        }
        lock(statementId);
        Optional<OpenStatement> open = statements.find(statementId);
        if (open.isEmpty()) {
            jdbc.sql("insert into waiting_import (id, statement_id, block, entries, created_at) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), statementId, block, lines.size(), Timestamp.from(clock.instant()))
                    .update();
            return new ImportResult(false, 0, lines.size(), lines);
        }
        OpenStatement statement = open.get();
        if (statement.signOnEnded(clock.instant())) {
            throw Problems.conflict(
                    statement.endedMessage(),
                    "Sign-on for statement " + statementId + " has ended; nothing was imported.");
        }
        store(statement, lines);
        return new ImportResult(false, lines.size(), 0, lines);
    }

    /** How many entries wait for the statement to open. */
    @Transactional(readOnly = true)
    int waiting(UUID statementId) {
        return jdbc.sql("select coalesce(sum(entries), 0) from waiting_import where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }

    /**
     * The statement has just opened here: the blocks that waited for it become its imported signatures, at the
     * revision it opened with. Runs after the opening committed, on every delivery of it: a repeat finds nothing left.
     */
    @Transactional
    public void opened(UUID statementId) {
        lock(statementId);
        List<String> blocks = jdbc.sql("delete from waiting_import where statement_id = ? returning block, created_at")
                .param(statementId)
                .query((row, n) -> row.getString(1))
                .list();
        if (blocks.isEmpty()) {
            return;
        }
        OpenStatement statement = statements.find(statementId).orElseThrow();
        for (String block : blocks) {
            store(statement, SignatoryLines.parse(block));
        }
    }

    /** One import at a time per statement, so a block never waits for an opening that was applied meanwhile. */
    private void lock(UUID statementId) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(statementId.getMostSignificantBits() ^ statementId.getLeastSignificantBits())
                .query((row, n) -> 1)
                .single();
    }

    private void store(OpenStatement statement, List<SignatoryLines.Line> lines) {
        UUID statementId = statement.id();
        Instant now = clock.instant();
        for (SignatoryLines.Line line : lines) {
            if (!line.ok()) {
                continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into signature (id, statement_id, kind, name, country, qualifier, status, revision,
                                                   revision_hash, token_hash, submitted_at, confirmed_at, origin)
                            values (?, ?, 'ORGANISATION', ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, 'IMPORTED')""")
                    .params(
                            id,
                            statementId,
                            line.name(),
                            line.country(),
                            line.qualifier(),
                            statement.revision(),
                            statement.contentHash(),
                            ConfirmationToken.generate().hash(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
            audit.record(id, statementId, now, AuditTrail.Actor.COORDINATOR, "IMPORTED", "line " + line.line());
            outbox.append(
                    EventTypes.SIGNATURE_CONFIRMED_V2,
                    statementId,
                    statementId,
                    signatories.confirmed(new SignatureConfirmed(
                            id,
                            statementId,
                            SignatoryKind.ORGANISATION,
                            line.name(),
                            line.country(),
                            line.qualifier(),
                            statement.revision(),
                            statement.contentHash(),
                            now)));
        }
    }

    /**
     * Confirmed public signatories that count; withheld ones, those awaiting approval, and those confirmed after
     * sign-on ended are left out entirely.
     */
    @Transactional(readOnly = true)
    List<Signatory> publicList(UUID statementId, Order order) {
        statement(statementId);
        List<Signatory> list = new ArrayList<>(
                jdbc.sql("""
                        select name, country, qualifier, kind, confirmed_at from signature
                        where statement_id = ? and status = 'CONFIRMED' and not awaiting_approval and visibility = 'PUBLIC'
                          and not exists (select 1 from statement st where st.id = signature.statement_id
                                          and signature.confirmed_at > st.sign_on_ended_at)
                        order by seq""").param(statementId).query(Signatory.class).list());
        if (order == Order.ALPHABETICAL) {
            Collator collator = Collator.getInstance(Locale.ENGLISH);
            list.sort(Comparator.comparing(Signatory::name, collator));
        }
        return list;
    }

    /**
     * How many counted signatories asked not to be named: confirmed, withheld, approved if approval is needed, and
     * confirmed before sign-on ended (the same rule as the public list).
     */
    @Transactional(readOnly = true)
    long notNamed(UUID statementId) {
        return jdbc.sql("""
                        select count(*) from signature
                        where statement_id = ? and status = 'CONFIRMED' and not awaiting_approval
                          and visibility = 'WITHHELD'
                          and not exists (select 1 from statement st where st.id = signature.statement_id
                                          and signature.confirmed_at > st.sign_on_ended_at)""").param(statementId).query(Long.class).single();
    }

    /**
     * The printed block, one line per signatory whatever their names hold (SignatoryLines, English country names),
     * then, after a blank line, how many signatories asked not to be named when some did.
     */
    String text(List<Signatory> list, long notNamed) {
        StringBuilder text = new StringBuilder();
        lines(list, Locale.ENGLISH).forEach(line -> text.append(line).append('\n'));
        SignatoryLines.notNamed(notNamed, "en")
                .ifPresent(line -> text.append('\n').append(line).append('\n'));
        return text.toString();
    }

    private static List<String> lines(List<Signatory> list, Locale countryLanguage) {
        return SignatoryLines.lines(
                list.stream()
                        .map(s -> new SignatoryLines.Signatory(s.name(), s.country(), s.qualifier()))
                        .toList(),
                countryLanguage);
    }

    /** Through the platform's one CSV writer: every cell quoted, formulas neutralised, one record per signatory. */
    String csv(List<Signatory> list) {
        StringBuilder csv =
                new StringBuilder(Csv.row(List.of("number", "name", "country_code", "country", "qualifier", "kind")));
        for (int i = 0; i < list.size(); i++) {
            Signatory s = list.get(i);
            csv.append(Csv.row(Arrays.asList(
                    String.valueOf(i + 1),
                    s.name(),
                    s.country(),
                    s.country() == null ? null : Countries.name(s.country(), Locale.ENGLISH),
                    s.qualifier(),
                    s.kind().name())));
        }
        return csv.toString();
    }

    /**
     * The list as a PDF in {@code language} (the requested one if it is one of the six, else the statement's, else
     * English): heading, notes and country names in that language, and after the entries how many signatories asked
     * not to be named, when some did.
     */
    byte[] pdf(UUID statementId, List<Signatory> list, String language) {
        OpenStatement statement = statement(statementId);
        String chosen = Languages.choose(language, statement.language());
        List<String> lines = new ArrayList<>(lines(list, Languages.locale(chosen)));
        SignatoryLines.notNamed(notNamed(statementId), chosen).ifPresent(line -> {
            lines.add("");
            lines.add(line);
        });
        return pdf.render(statement.title(), lines, Languages.locale(chosen));
    }

    private OpenStatement statement(UUID statementId) {
        return statements
                .find(statementId)
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is open for signature here"));
    }
}

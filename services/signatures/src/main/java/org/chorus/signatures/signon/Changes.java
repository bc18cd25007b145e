package org.chorus.signatures.signon;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.Visibility;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.signatures.audit.AuditTrail;
import org.chorus.signatures.identity.Identity;
import org.chorus.signatures.identity.SealedIdentities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a signer changes through their personal link before publication: withdrawal or correction. */
@Service
class Changes {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final SignatorySealer signatories;
    private final Clock clock;
    private final SealedIdentities identities;
    private final AuditTrail audit;

    Changes(
            JdbcClient jdbc,
            Outbox outbox,
            SignatorySealer signatories,
            Clock clock,
            SealedIdentities identities,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.signatories = signatories;
        this.clock = clock;
        this.identities = identities;
        this.audit = audit;
    }

    /** True when the signature was withdrawn now; false when it no longer counted anyway. */
    @Transactional
    boolean withdraw(Signature signature) {
        int changed = jdbc.sql("""
                        update signature set status = 'WITHDRAWN', reconsent_token_hash = null
                        where id = ? and status in ('PENDING', 'CONFIRMED')""").param(signature.id()).update();
        if (changed == 0) {
            return false;
        }
        audit.record(
                signature.id(), signature.statementId(), clock.instant(), AuditTrail.Actor.SIGNER, "WITHDRAWN", null);
        outbox.append(
                EventTypes.SIGNATURE_WITHDRAWN,
                signature.statementId(),
                signature.statementId(),
                new SignatureWithdrawn(signature.id(), signature.statementId()));
        return true;
    }

    /**
     * A corrected name, country, qualifier or visibility. For a withheld signer an empty name keeps the sealed one;
     * turning public needs a name. The audit trail names the changed fields, never a withheld signer's values.
     */
    record Correction(String name, String country, String qualifier, Visibility visibility, boolean countryCounted) {}

    @Transactional
    void correct(Signature signature, Correction correction) {
        Instant now = clock.instant();
        boolean toWithheld = correction.visibility() == Visibility.WITHHELD;
        Identity before = signature.withheld()
                ? identities.open(signature.statementId(), signature.id(), sealedIdentity(signature))
                : new Identity(signature.name(), signature.qualifier(), signature.email(), signature.contactName());
        String name = correction.name() == null ? before.name() : correction.name();
        String qualifier = correction.name() == null && signature.withheld() && correction.qualifier() == null
                ? before.qualifier()
                : correction.qualifier();
        Identity after = new Identity(name, qualifier, before.email(), before.contactName());
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.qualifier(), after.qualifier())) {
            changed.add("qualifier");
        }
        if (!Objects.equals(signature.country(), correction.country())) {
            changed.add("country");
        }
        if (signature.withheld() != toWithheld) {
            changed.add("visibility " + correction.visibility().name().toLowerCase());
        }
        boolean countryCounted = !toWithheld || correction.countryCounted();
        if (signature.countryCounted() != countryCounted) {
            changed.add("country counted " + countryCounted);
        }
        jdbc.sql("""
                        update signature set name = ?, qualifier = ?, email = ?, contact_name = ?, country = ?,
                            visibility = ?, country_counted = ?, sealed_identity = ?
                        where id = ?""")
                .params(
                        toWithheld ? null : after.name(),
                        toWithheld ? null : after.qualifier(),
                        toWithheld ? null : after.email(),
                        toWithheld ? null : after.contactName(),
                        correction.country(),
                        correction.visibility().name(),
                        countryCounted,
                        toWithheld ? identities.seal(signature.statementId(), signature.id(), after) : null,
                        signature.id())
                .update();
        audit.record(
                signature.id(),
                signature.statementId(),
                now,
                AuditTrail.Actor.SIGNER,
                "CORRECTED",
                changed.isEmpty() ? "no change" : String.join(", ", changed));
        outbox.append(
                EventTypes.SIGNATURE_CORRECTED_V2,
                signature.statementId(),
                signature.statementId(),
                signatories.corrected(new SignatureCorrected(
                        signature.id(),
                        signature.statementId(),
                        signature.kind(),
                        toWithheld ? null : after.name(),
                        toWithheld && !countryCounted ? null : correction.country(),
                        toWithheld ? null : after.qualifier(),
                        correction.visibility())));
    }

    private byte[] sealedIdentity(Signature signature) {
        return jdbc.sql("select sealed_identity from signature where id = ?")
                .param(signature.id())
                .query(byte[].class)
                .single();
    }
}

package org.chorus.statements.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CoordinatorRepository {
    private final JdbcClient jdbc;

    CoordinatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the address already has an account. */
    boolean insert(Coordinator coordinator) {
        return jdbc.sql("""
                        insert into coordinator (id, email, password_hash, totp_secret, language, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (email) do nothing""")
                        .params(
                                coordinator.id(),
                                coordinator.email(),
                                coordinator.passwordHash(),
                                coordinator.totpSecret(),
                                coordinator.language(),
                                Timestamp.from(coordinator.createdAt()))
                        .update()
                == 1;
    }

    Optional<Coordinator> byEmail(String email) {
        return jdbc.sql("select * from coordinator where email = ?")
                .param(email)
                .query(Coordinator.class)
                .optional();
    }

    Optional<Coordinator> byId(UUID id) {
        return jdbc.sql("select * from coordinator where id = ?")
                .param(id)
                .query(Coordinator.class)
                .optional();
    }

    /** Records the step of an accepted code; false when that code (or a later one) was already used. */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("""
                                update coordinator set totp_last_step = ?
                                where id = ? and (totp_last_step is null or totp_last_step < ?)""").params(step, id, step).update() == 1;
    }

    boolean setAdmin(UUID id, boolean admin) {
        return jdbc.sql("update coordinator set admin = ? where id = ?")
                        .params(admin, id)
                        .update()
                == 1;
    }

    void insertToken(String tokenHash, UUID coordinatorId, String name, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into api_token (token_hash, coordinator_id, name, created_at, expires_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (token_hash) do nothing""")
                .params(
                        tokenHash,
                        coordinatorId,
                        name,
                        Timestamp.from(now),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    void insertSessionToken(String tokenHash, UUID coordinatorId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into api_token (token_hash, coordinator_id, name, kind, created_at, expires_at)
                        values (?, ?, 'console session', 'SESSION', ?, ?)""")
                .params(tokenHash, coordinatorId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    void deleteToken(String tokenHash) {
        jdbc.sql("delete from api_token where token_hash = ?").param(tokenHash).update();
    }

    Optional<Coordinator> byTokenHash(String tokenHash) {
        return jdbc.sql("""
                        select c.* from coordinator c join api_token t on t.coordinator_id = c.id
                        where t.token_hash = ? and (t.expires_at is null or t.expires_at > now())""").param(tokenHash).query(Coordinator.class).optional();
    }

    /** Written at most once a minute per token, so that busy tokens do not rewrite their row on every call. */
    void touchToken(String tokenHash, Instant now) {
        jdbc.sql("""
                        update api_token set last_used_at = ?
                        where token_hash = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    /** The coordinator's personal tokens that still work, newest first (console-session tokens end at logout). */
    List<ApiToken> tokensOf(UUID coordinatorId) {
        return jdbc.sql("""
                        select id, name, created_at, last_used_at, expires_at from api_token
                        where coordinator_id = ? and kind = 'PERSONAL' and (expires_at is null or expires_at > now())
                        order by created_at desc, id""").param(coordinatorId).query(ApiToken.class).list();
    }

    /** False when the coordinator has no such token (someone else's id, or already revoked). */
    boolean deleteToken(UUID coordinatorId, UUID tokenId) {
        return jdbc.sql("delete from api_token where coordinator_id = ? and id = ? and kind = 'PERSONAL'")
                        .params(coordinatorId, tokenId)
                        .update()
                == 1;
    }
}

package dev.steward.platform.audit;

import dev.steward.platform.db.AuditSeal;
import dev.steward.testkit.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain and its signed checkpoints. Tampering is done as a DBA (the server's superuser, through the admin
 * connection): the console's own role may only read and append.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AuditChainTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    DSLContext dsl;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    AuditSeal seal;

    private TestDatabase database;

    /** Tests share one database per context: each starts from an empty log. */
    @BeforeEach
    void emptyLog() {
        database = TestDatabase.of(environment);
        asDba("delete from platform.audit_checkpoint", "delete from platform.audit_log");
    }

    private long append(String id, String action) {
        return audit.record(AuditEvent.of("test", "thing", id, action).actor("alice")
                .before(Map.of("name", "old", "n", 1)).after(Map.of("name", "new \"quoted\"", "n", 2)).reason("because"));
    }

    /** As the server's superuser, with the append-only triggers off for this transaction. */
    private void asDba(String... statements) {
        String[] all = new String[statements.length + 1];
        all[0] = "set local session_replication_role = replica";
        System.arraycopy(statements, 0, all, 1, statements.length);
        database.executeAsAdmin(all);
    }

    @Test
    void appended_entries_link_to_their_predecessor_and_verify_with_one_signed_checkpoint_each() {
        long first = append("1", "UPDATE");
        long second = append("2", "DELETE");
        var rows = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ID.in(first, second)).orderBy(AUDIT_LOG.ID).fetch();
        assertThat(rows.get(1).getPrevHash()).isEqualTo(rows.get(0).getHash());
        assertThat(rows.get(0).getHash()).hasSize(64).isNotEqualTo(rows.get(1).getHash());
        assertThat(rows.get(0).getActor()).isEqualTo("alice");
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(2);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(result.notSealed()).isNull();
        assertThat(result.summary()).isEqualTo("Audit chain intact: 2 entries and 2 signed checkpoints verified (head: entry "
                + second + ", hash " + rows.get(1).getHash() + ")");
    }

    @Test
    void the_console_role_may_only_read_and_append_to_the_audit_tables() {
        long id = append("3", "CREATE");
        for (String table : new String[]{"platform.audit_log", "platform.audit_checkpoint"}) {
            assertThatThrownBy(() -> jdbc.update("update " + table + " set id = id where id = ?", id))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.update("delete from " + table)).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.execute("truncate " + table)).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.execute("alter table " + table + " disable trigger all")).rootCause().hasMessageContaining("must be owner");
            assertThatThrownBy(() -> jdbc.execute("alter table " + table + " add column note text")).rootCause().hasMessageContaining("must be owner");
            assertThatThrownBy(() -> jdbc.execute("drop table " + table)).rootCause().hasMessageContaining("must be owner");
        }
        assertThatThrownBy(() -> jdbc.execute("drop schema platform cascade")).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("create or replace function platform.audit_log_append_only() returns trigger"
                + " language plpgsql as $$ begin return null; end $$")).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("set session_replication_role = replica")).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class)).isFalse();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void even_a_superuser_meets_the_append_only_triggers() {
        long id = append("3", "CREATE");
        assertThatThrownBy(() -> database.executeAsAdmin("update platform.audit_log set actor = 'mallory' where id = " + id))
                .rootCause().hasMessageContaining("platform.audit_log is append-only (UPDATE refused)");
        assertThatThrownBy(() -> database.executeAsAdmin("delete from platform.audit_checkpoint"))
                .rootCause().hasMessageContaining("platform.audit_checkpoint is append-only (DELETE refused)");
        assertThatThrownBy(() -> database.executeAsAdmin("truncate platform.audit_log"))
                .rootCause().hasMessageContaining("append-only (TRUNCATE refused)");
    }

    @Test
    void verifier_reports_the_first_entry_edited_directly_in_sql() {
        append("4", "CREATE");
        long tampered = append("5", "UPDATE");
        append("6", "UPDATE");
        asDba("update platform.audit_log set after_data = '{\"n\":3}' where id = " + tampered);

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(tampered);
        assertThat(result.problem()).contains("does not match its hash");
    }

    @Test
    void verifier_reports_a_removed_entry_in_the_middle() {
        append("7", "CREATE");
        long removed = append("8", "UPDATE");
        append("9", "UPDATE");
        asDba("delete from platform.audit_log where id = " + removed);

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(removed);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void verifier_reports_the_last_entries_removed_by_a_dba() {
        append("10", "CREATE");
        long firstRemoved = append("11", "UPDATE");
        append("12", "UPDATE");
        append("13", "UPDATE");
        asDba("delete from platform.audit_log where id >= " + firstRemoved);

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(firstRemoved);
        assertThat(result.entriesChecked()).isEqualTo(1);
        assertThat(result.summary()).contains("BROKEN at entry " + firstRemoved).contains("entries were removed");
    }

    @Test
    void verifier_reports_an_entry_edited_with_every_following_hash_recomputed() {
        append("14", "CREATE");
        long edited = append("15", "UPDATE");
        append("16", "UPDATE");
        // what an attacker who knows the (public) hash rule does: edit, then re-chain everything after it
        var rows = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ID.ge(edited)).orderBy(AUDIT_LOG.ID).fetch(AuditLogQuery::toEntry);
        String prev = rows.getFirst().prevHash();
        for (AuditEntry e : rows) {
            String actor = e.id() == edited ? "mallory" : e.actor();
            String hash = AuditHash.of(prev, e.occurredAt(), actor, e.clientIp(), e.auditSession(), e.module(), e.entityType(),
                    e.entityId(), e.action(), e.before(), e.after(), e.reason());
            asDba("update platform.audit_log set actor = '" + actor + "', prev_hash = '" + prev + "', hash = '" + hash
                    + "' where id = " + e.id());
            prev = hash;
        }

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(edited);
        assertThat(result.problem()).contains("differs from the one its signed checkpoint recorded");
    }

    @Test
    void verifier_reports_a_checkpoint_forged_without_the_key() {
        append("17", "CREATE");
        long head = append("18", "UPDATE");
        String hash = dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.ID.eq(head)).fetchOne(AUDIT_LOG.HASH);
        // the console's role may insert checkpoints, but cannot sign them
        jdbc.update("insert into platform.audit_checkpoint (entry_id, entry_hash, created_at, mac) values (?, ?, now(), ?)",
                head, hash, "0".repeat(64));

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(head);
        assertThat(result.problem()).contains("signature that does not verify");
    }

    @Test
    void verifier_reports_entries_appended_without_a_checkpoint() {
        long head = append("19", "CREATE");
        String hash = dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.ID.eq(head)).fetchOne(AUDIT_LOG.HASH);
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        String forgedHash = AuditHash.of(hash, at, "mallory", null, null, "test", "thing", "x", "CREATE", null, null, null);
        jdbc.update("insert into platform.audit_log (occurred_at, actor, module, entity_type, entity_id, action, prev_hash, hash)"
                + " values (?::timestamptz, 'mallory', 'test', 'thing', 'x', 'CREATE', ?, ?)", at.toString(), hash, forgedHash);

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isGreaterThan(head);
        assertThat(result.problem()).contains("no signed checkpoint");
    }

    @Test
    void unsealing_for_a_migration_gives_the_log_back_to_the_console_role_and_sealing_takes_it_again() {
        assertThat(seal.problem()).isEmpty();
        seal.unseal();
        try {
            assertThat(seal.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("owns platform.audit_log"));
            assertThat(verifier.verify().summary()).contains("Warning: the audit log is not sealed");
        } finally {
            seal.seal();
        }
        assertThat(seal.problem()).isEmpty();
        seal.seal();
        assertThat(seal.problem()).as("sealing twice changes nothing").isEmpty();
    }

    @Test
    void a_checkpoint_signature_covers_its_entry_and_hash() {
        var at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        var signed = new AuditCheckpoints.Checkpoint(1, 7, "a".repeat(64), at, checkpoints.mac(7, "a".repeat(64), at));
        assertThat(checkpoints.signatureHolds(signed)).isTrue();
        assertThat(checkpoints.signatureHolds(new AuditCheckpoints.Checkpoint(1, 8, signed.entryHash(), at, signed.mac()))).isFalse();
        assertThat(checkpoints.signatureHolds(new AuditCheckpoints.Checkpoint(1, 7, "b".repeat(64), at, signed.mac()))).isFalse();
    }
}

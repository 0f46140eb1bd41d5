package dev.steward.platform.audit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AuditChainTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    DSLContext dsl;
    @Autowired
    JdbcTemplate jdbc;

    private long append(String id, String action) {
        return audit.record(AuditEvent.of("test", "thing", id, action).actor("alice")
                .before(Map.of("name", "old", "n", 1)).after(Map.of("name", "new \"quoted\"", "n", 2)).reason("because"));
    }

    @Test
    void appended_entries_link_to_their_predecessor_and_verify() {
        long first = append("1", "UPDATE");
        long second = append("2", "DELETE");
        var rows = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ID.in(first, second)).orderBy(AUDIT_LOG.ID).fetch();
        assertThat(rows.get(1).getPrevHash()).isEqualTo(rows.get(0).getHash());
        assertThat(rows.get(0).getHash()).hasSize(64).isNotEqualTo(rows.get(1).getHash());
        assertThat(rows.get(0).getActor()).isEqualTo("alice");
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_application_cannot_update_or_delete_audit_rows() {
        long id = append("3", "CREATE");
        assertThatThrownBy(() -> jdbc.update("update platform.audit_log set actor = 'mallory' where id = ?", id))
                .rootCause().hasMessageContaining("append-only (UPDATE refused)");
        assertThatThrownBy(() -> jdbc.update("delete from platform.audit_log where id = ?", id))
                .rootCause().hasMessageContaining("append-only (DELETE refused)");
        assertThatThrownBy(() -> jdbc.execute("truncate platform.audit_log"))
                .rootCause().hasMessageContaining("append-only (TRUNCATE refused)");
    }

    @Test
    void verifier_reports_the_first_entry_edited_directly_in_sql() {
        append("4", "CREATE");
        long tampered = append("5", "UPDATE");
        append("6", "UPDATE");
        asOwnerWithoutTheGuard(() -> jdbc.update("update platform.audit_log set after_data = '{\"n\":3}' where id = ?", tampered));

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(tampered);
        assertThat(result.problem()).contains("does not match its hash");
        restoreChain();
    }

    @Test
    void verifier_reports_a_removed_entry_as_a_broken_link() {
        append("7", "CREATE");
        long removed = append("8", "UPDATE");
        long next = append("9", "UPDATE");
        asOwnerWithoutTheGuard(() -> jdbc.update("delete from platform.audit_log where id = ?", removed));

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(next);
        assertThat(result.problem()).contains("links to");
        restoreChain();
    }

    /** What an attacker with the table owner's rights can do: switch the append-only guard off, edit, switch it on. */
    private void asOwnerWithoutTheGuard(Runnable edit) {
        jdbc.execute("alter table platform.audit_log disable trigger audit_log_no_update");
        try {
            edit.run();
        } finally {
            jdbc.execute("alter table platform.audit_log enable trigger audit_log_no_update");
        }
    }

    /** Tests share one database per context: wipe the log so the other tests see an intact chain. */
    private void restoreChain() {
        asOwnerWithoutTheGuard(() -> jdbc.execute("delete from platform.audit_log"));
    }
}

package dev.steward.console.security;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.audit.AuditVerifier;
import dev.steward.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, defect 9: whoever wants a change forgotten removes the last entries of the audit log. The console's own
 * database role cannot; a DBA who can is caught by verify-audit, thanks to the signed checkpoints.
 */
@SpringBootTest
class AuditTailAttackTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private long append(int n) {
        return audit.record(AuditEvent.of("vendors", "vendor", n, "UPDATE").actor("mallory").reason("covering tracks"));
    }

    @Test
    void the_console_role_cannot_remove_entries_nor_switch_the_guard_off() {
        long last = append(1);
        assertThatThrownBy(() -> jdbc.update("delete from platform.audit_log where id = ?", last)).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("alter table platform.audit_log disable trigger user")).rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.execute("set session_replication_role = replica")).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void a_dba_who_removes_the_last_entries_is_reported_by_verify_audit() {
        append(2);
        long firstRemoved = append(3);
        append(4);
        append(5);
        assertThat(verifier.verify().intact()).isTrue();

        TestDatabase.of(environment).executeAsAdmin("set local session_replication_role = replica",
                "delete from platform.audit_log where id >= " + firstRemoved);

        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.summary()).startsWith("Audit chain BROKEN at entry " + firstRemoved + ": a signed checkpoint names this entry, which is missing");
    }
}

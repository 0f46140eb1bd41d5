package dev.steward.console.security;

import dev.steward.testkit.MovableClock;
import dev.steward.platform.security.SignInAudit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: an unauthenticated flood of made-up API tokens and passwords cannot fill the audit log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
@Import(MovableClock.Config.class)
class AuditFloodAttackTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    SignInAudit audit;
    @Autowired
    MovableClock clock;

    private int entriesFrom(String address) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.AFTER_DATA.contains("\"" + address + "\""));
    }

    @Test
    void three_hundred_made_up_tokens_and_passwords_write_a_handful_of_entries_that_keep_the_counts() throws Exception {
        ConsoleHttp attacker = new ConsoleHttp(port, "203.0.113.77");
        for (int i = 0; i < 300; i++) {
            assertThat(attacker.getWithBearer("/api/platform/plugins", "stw_madeup" + i).statusCode()).isEqualTo(401);
            assertThat(attacker.getWithBasic("/api/platform/plugins", "user" + i, "guess").statusCode()).isIn(401, 429);
        }
        assertThat(entriesFrom("203.0.113.77")).as("the first of each kind at once").isEqualTo(2);

        clock.advance(Duration.ofMinutes(11));
        audit.writeSummaries();
        assertThat(entriesFrom("203.0.113.77")).isLessThanOrEqualTo(5);
        assertThat(dsl.fetchValue(AUDIT_LOG.AFTER_DATA, AUDIT_LOG.AFTER_DATA.contains("\"203.0.113.77\"")
                .and(AUDIT_LOG.ACTION.eq("AUTH_FAILED_SUMMARY")))).contains("\"attempts\":300");
    }
}

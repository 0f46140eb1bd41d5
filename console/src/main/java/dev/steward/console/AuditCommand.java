package dev.steward.console;

import dev.steward.platform.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/** {@code --steward.command=verify-audit}: walks the audit chain, prints the outcome, exits 0 when intact, 2 when not. */
final class AuditCommand {

    private AuditCommand() {
    }

    static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains("--steward.command=verify-audit");
    }

    static int run(ConfigurableApplicationContext context) {
        try (context) {
            AuditVerifier.Result result = context.getBean(AuditVerifier.class).verify();
            System.out.println(result.summary());
            return result.intact() ? 0 : 2;
        }
    }
}

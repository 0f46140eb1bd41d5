package dev.steward.console.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import static dev.steward.platform.db.generated.Tables.JOB_RUN;
import static dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;

/**
 * Steward's own meters, read from the database at each scrape (a few counts on indexed or small tables), so they are
 * the cluster's figures, the same on every node: the mail outbox depth by status, and recorded job runs by outcome.
 */
@Component
class StewardMetrics implements MeterBinder {

    private final DSLContext dsl;

    StewardMetrics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder("steward.mail.outbox.depth", dsl, d -> d.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq(status)))
                    .description("Mails waiting in the outbox: PENDING not yet tried, FAILED waiting for a retry")
                    .tag("status", status.toLowerCase()).register(registry);
        }
        for (String outcome : new String[] {"SUCCEEDED", "FAILED", "MISSED"}) {
            FunctionCounter.builder("steward.job.runs", dsl, d -> d.fetchCount(JOB_RUN, JOB_RUN.OUTCOME.eq(outcome)))
                    .description("Job runs recorded (all nodes) by outcome; a missed record covers the ticks of one gap")
                    .tag("outcome", outcome.toLowerCase()).register(registry);
        }
    }
}

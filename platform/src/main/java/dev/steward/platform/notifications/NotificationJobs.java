package dev.steward.platform.notifications;

import dev.steward.platform.spi.ScheduledJob;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION;

/** The platform's own jobs: send the outbox, the daily digest, deadline reminders, purge deleted files. */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    @Bean
    ScheduledJob sendMail(MailOutbox outbox, @Value("${steward.mail.send-every:PT30S}") Duration every) {
        return job("platform.send-mail", "Sends due mail from the outbox over SMTP, retrying failures with backoff",
                ScheduledJob.Schedule.every(every), () -> outbox.sendDue(100));
    }

    @Bean
    ScheduledJob mailDigest(DigestWriter digests, @Value("${steward.mail.digest-cron:0 0 7 * * *}") String cron) {
        return job("platform.mail-digest", "Puts each user's digest notifications into one email a day",
                ScheduledJob.Schedule.cron(cron), digests::writeAll);
    }

    @Bean
    ScheduledJob deadlineReminderJob(dev.steward.platform.deadlines.DeadlineReminders reminders,
                                   @Value("${steward.deadlines.scan-every:PT5M}") Duration every) {
        return job("platform.deadline-reminders", "Reminds owners before deadlines and escalates missed ones, once each",
                ScheduledJob.Schedule.every(every), () -> reminders.runOnce(java.time.Instant.now()));
    }

    @Bean
    ScheduledJob purgeFiles(dev.steward.platform.files.AttachmentService files) {
        return job("platform.purge-files", "Removes the bytes of files deleted longer ago than the retention period",
                ScheduledJob.Schedule.cron("0 30 3 * * *"), () -> files.purgeDeleted(java.time.Instant.now()));
    }

    private static ScheduledJob job(String id, String description, ScheduledJob.Schedule schedule, Runnable work) {
        return new ScheduledJob() {
            public String id() {
                return id;
            }

            public String description() {
                return description;
            }

            public Schedule schedule() {
                return schedule;
            }

            public void run(JobContext context) {
                work.run();
            }
        };
    }

    @org.springframework.stereotype.Component
    static class DigestWriter {
        private final DSLContext dsl;
        private final NotificationCenter center;
        private final MailTemplates templates;
        private final TransactionTemplate transaction;

        DigestWriter(DSLContext dsl, NotificationCenter center, MailTemplates templates, TransactionTemplate transaction) {
            this.dsl = dsl;
            this.center = center;
            this.templates = templates;
            this.transaction = transaction;
        }

        /** One mail per user with waiting digest notifications; they are marked done in the same transaction. */
        void writeAll() {
            transaction.executeWithoutResult(status -> {
                var waiting = dsl.select(NOTIFICATION.asterisk(), APP_USER.EMAIL).from(NOTIFICATION)
                        .join(APP_USER).on(APP_USER.USERNAME.eq(NOTIFICATION.RECIPIENT))
                        .where(NOTIFICATION.DIGEST.isTrue()).and(APP_USER.EMAIL.isNotNull())
                        .orderBy(NOTIFICATION.RECIPIENT, NOTIFICATION.ID).forUpdate().of(NOTIFICATION).fetch();
                Map<String, List<Notification>> byEmail = new LinkedHashMap<>();
                List<Long> ids = new ArrayList<>();
                waiting.forEach(r -> {
                    byEmail.computeIfAbsent(r.get(APP_USER.EMAIL), e -> new ArrayList<>()).add(new Notification(
                            r.get(NOTIFICATION.MODULE), r.get(NOTIFICATION.KIND), r.get(NOTIFICATION.RECIPIENT),
                            r.get(NOTIFICATION.TITLE), r.get(NOTIFICATION.BODY), r.get(NOTIFICATION.LINK), null));
                    ids.add(r.get(NOTIFICATION.ID));
                });
                byEmail.forEach((email, notifications) -> center.queue(email, templates.digest(notifications)));
                dsl.update(NOTIFICATION).set(NOTIFICATION.DIGEST, false).where(NOTIFICATION.ID.in(ids)).execute();
            });
        }
    }
}

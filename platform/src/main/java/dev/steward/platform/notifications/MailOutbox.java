package dev.steward.platform.notifications;

import dev.steward.platform.db.generated.tables.records.MailOutboxRecord;
import dev.steward.platform.security.PlatformPermissions;
import jakarta.mail.MessagingException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.Duration;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;

/**
 * The mail outbox: sends due mail over SMTP with retries and exponential backoff (1 min, 2, 4, … at most 6 h);
 * a failed mail keeps its error and stays until sent. Without {@code spring.mail.host} nothing is sent and mail
 * waits in the outbox.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** How long a claimed mail is left to its sender: far longer than one send within the SMTP timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(5);
    static final int FAILURES_ENDING_A_RUN = 3;

    public record Mail(long id, String recipient, String subject, String status, int attempts, Instant nextAttemptAt,
                       String lastError, Instant createdAt, Instant sentAt) {
    }

    private final DSLContext dsl;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final TransactionTemplate transaction;

    public MailOutbox(DSLContext dsl, ObjectProvider<JavaMailSender> mailSender,
                      @Value("${steward.mail.from:steward@localhost}") String from, TransactionTemplate transaction) {
        this.dsl = dsl;
        this.mailSender = mailSender;
        this.from = from;
        this.transaction = transaction;
    }

    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Sends what is due; returns how many were sent. Each mail is claimed in a short transaction of its own (its next
     * attempt moved {@link #CLAIM} ahead, so no other node takes it meanwhile; a node that dies while sending leaves it
     * due again after that), sent with no transaction open, and its outcome recorded. Three failures in a row end the
     * run: the server is down or not answering, and the rest wait for the next run rather than each waiting for the
     * SMTP timeouts.
     */
    public int sendDue(int batch) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        int failuresInARow = 0;
        for (int i = 0; i < batch && failuresInARow < FAILURES_ENDING_A_RUN; i++) {
            MailOutboxRecord mail = transaction.execute(status -> claimNext());
            if (mail == null) {
                break;
            }
            if (send(sender, mail)) {
                sent++;
                failuresInARow = 0;
            } else {
                failuresInARow++;
            }
        }
        return sent;
    }

    private MailOutboxRecord claimNext() {
        Instant now = Instant.now();
        MailOutboxRecord mail = dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.STATUS.in("PENDING", "FAILED"))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now)).orderBy(MAIL_OUTBOX.ID).limit(1)
                .forUpdate().skipLocked().fetchOne();
        if (mail != null) {
            dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plus(CLAIM)).where(MAIL_OUTBOX.ID.eq(mail.getId())).execute();
        }
        return mail;
    }

    /** Talks to the SMTP server (no transaction open), then records the outcome; true when sent. */
    private boolean send(JavaMailSender sender, MailOutboxRecord mail) {
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.getRecipientEmail());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBodyText(), mail.getBodyHtml());
            sender.send(message);
        } catch (MailException | MessagingException e) {
            int attempts = mail.getAttempts() + 1;
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, "FAILED").set(MAIL_OUTBOX.ATTEMPTS, attempts)
                    .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Instant.now().plus(backoff(attempts)))
                    .set(MAIL_OUTBOX.LAST_ERROR, error.substring(0, Math.min(error.length(), 2000)))
                    .where(MAIL_OUTBOX.ID.eq(mail.getId())).execute();
            log.warn("Mail {} to {} failed (attempt {}): {}", mail.getId(), mail.getRecipientEmail(), attempts, error);
            return false;
        }
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, "SENT").set(MAIL_OUTBOX.SENT_AT, Instant.now())
                .set(MAIL_OUTBOX.ATTEMPTS, mail.getAttempts() + 1).set(MAIL_OUTBOX.LAST_ERROR, (String) null)
                .where(MAIL_OUTBOX.ID.eq(mail.getId())).execute();
        return true;
    }

    static Duration backoff(int attempts) {
        Duration delay = Duration.ofMinutes(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.OUTBOX_MANAGE + "')")
    @Transactional(readOnly = true)
    public List<Mail> list(String status, int limit) {
        return dsl.selectFrom(MAIL_OUTBOX).where(status == null ? MAIL_OUTBOX.STATUS.isNotNull() : MAIL_OUTBOX.STATUS.eq(status))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(limit)
                .fetch(r -> new Mail(r.getId(), r.getRecipientEmail(), r.getSubject(), r.getStatus(), r.getAttempts(),
                        r.getNextAttemptAt(), r.getLastError(), r.getCreatedAt(), r.getSentAt()));
    }

    /** Makes a waiting or failed mail due now (the sender job picks it up on its next tick). */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.OUTBOX_MANAGE + "')")
    @Transactional
    public void retryNow(long id) {
        dsl.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, Instant.now())
                .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.ne("SENT")).execute();
    }
}

package dev.steward.platform.notifications;

import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.NotificationTemplate.RenderedMail;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.OffsetDateTime;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.MAIL_OUTBOX;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION;
import static dev.steward.platform.db.generated.Tables.NOTIFICATION_PREFERENCE;

/**
 * Sends notifications (in the caller's transaction: the bell entry and the outbox mail exist exactly when the
 * change that caused them was committed) and serves each user's own bell.
 */
@Service
public class NotificationCenter implements NotificationService {

    private final DSLContext dsl;
    private final MailTemplates templates;
    private final NotificationBroadcaster broadcaster;

    public NotificationCenter(DSLContext dsl, MailTemplates templates, NotificationBroadcaster broadcaster) {
        this.dsl = dsl;
        this.templates = templates;
        this.broadcaster = broadcaster;
    }

    @Override
    @Transactional
    public void send(Notification n) {
        var preference = dsl.selectFrom(NOTIFICATION_PREFERENCE).where(NOTIFICATION_PREFERENCE.USERNAME.eq(n.recipient()))
                .and(NOTIFICATION_PREFERENCE.KIND.eq(n.kind())).fetchOptional();
        boolean inApp = preference.map(p -> p.getInApp()).orElse(true);
        EmailMode email = preference.map(p -> EmailMode.valueOf(p.getEmail())).orElse(EmailMode.IMMEDIATE);
        String address = dsl.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.USERNAME.eq(n.recipient()))
                .and(APP_USER.ACTIVE.isTrue()).fetchOptional(APP_USER.EMAIL).orElse(null);
        boolean digest = email == EmailMode.DIGEST && address != null;
        if (inApp || digest) {
            dsl.insertInto(NOTIFICATION).set(NOTIFICATION.RECIPIENT, n.recipient()).set(NOTIFICATION.MODULE, n.module())
                    .set(NOTIFICATION.KIND, n.kind()).set(NOTIFICATION.TITLE, n.title()).set(NOTIFICATION.BODY, n.body())
                    .set(NOTIFICATION.LINK, n.link()).set(NOTIFICATION.DIGEST, digest).set(NOTIFICATION.IN_APP, inApp).execute();
        }
        if (email == EmailMode.IMMEDIATE && address != null) {
            queue(address, templates.render(n));
        }
        if (inApp) {
            afterCommit(() -> broadcaster.publish(n.recipient()));
        }
    }

    void queue(String address, RenderedMail mail) {
        dsl.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT_EMAIL, address).set(MAIL_OUTBOX.SUBJECT, mail.subject())
                .set(MAIL_OUTBOX.BODY_TEXT, mail.text()).set(MAIL_OUTBOX.BODY_HTML, mail.html()).execute();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unreadCount() {
        return dsl.fetchCount(NOTIFICATION, mine().and(NOTIFICATION.READ_AT.isNull()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<InboxItem> latest(int limit) {
        return dsl.selectFrom(NOTIFICATION).where(mine()).orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit).fetch(r -> new InboxItem(r.getId(), r.getModule(), r.getKind(), r.getTitle(), r.getBody(),
                        r.getLink(), r.getCreatedAt().toInstant(), r.getReadAt() != null));
    }

    /** Marks one of the current user's notifications read (another user's id changes nothing). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markRead(long id) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now()).where(mine()).and(NOTIFICATION.ID.eq(id))
                .and(NOTIFICATION.READ_AT.isNull()).execute();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now()).where(mine())
                .and(NOTIFICATION.READ_AT.isNull()).execute();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setPreference(String kind, boolean inApp, EmailMode email) {
        String me = CurrentUser.username().orElseThrow();
        dsl.insertInto(NOTIFICATION_PREFERENCE).set(NOTIFICATION_PREFERENCE.USERNAME, me).set(NOTIFICATION_PREFERENCE.KIND, kind)
                .set(NOTIFICATION_PREFERENCE.IN_APP, inApp).set(NOTIFICATION_PREFERENCE.EMAIL, email.name())
                .onConflict(NOTIFICATION_PREFERENCE.USERNAME, NOTIFICATION_PREFERENCE.KIND).doUpdate()
                .set(NOTIFICATION_PREFERENCE.IN_APP, inApp).set(NOTIFICATION_PREFERENCE.EMAIL, email.name()).execute();
    }

    /** One row per kind the user has received or a module has a template for, with the user's choice. */
    public record Preference(String kind, boolean inApp, EmailMode email) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Preference> preferences(java.util.Collection<String> templateKinds) {
        String me = CurrentUser.username().orElseThrow();
        java.util.Set<String> kinds = new java.util.TreeSet<>(templateKinds);
        kinds.addAll(dsl.selectDistinct(NOTIFICATION.KIND).from(NOTIFICATION).where(NOTIFICATION.RECIPIENT.eq(me)).fetch(NOTIFICATION.KIND));
        var stored = dsl.selectFrom(NOTIFICATION_PREFERENCE).where(NOTIFICATION_PREFERENCE.USERNAME.eq(me))
                .fetchMap(NOTIFICATION_PREFERENCE.KIND);
        kinds.addAll(stored.keySet());
        return kinds.stream().map(kind -> stored.containsKey(kind)
                ? new Preference(kind, stored.get(kind).getInApp(), EmailMode.valueOf(stored.get(kind).getEmail()))
                : new Preference(kind, true, EmailMode.IMMEDIATE)).toList();
    }

    private static org.jooq.Condition mine() {
        return NOTIFICATION.RECIPIENT.eq(CurrentUser.username().orElseThrow()).and(NOTIFICATION.IN_APP.isTrue());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}

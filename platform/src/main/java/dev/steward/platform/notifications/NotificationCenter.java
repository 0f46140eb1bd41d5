package dev.steward.platform.notifications;

import java.time.Instant;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.NotificationTemplate.RenderedMail;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.steward.platform.db.generated.tables.records.NotificationPreferenceRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
        sendAll(List.of(n));
    }

    /** Reads the recipients' preferences and addresses once, and writes the bell entries and outbox mails in one statement each. */
    @Override
    @Transactional
    public void sendAll(Collection<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        Set<String> recipients = notifications.stream().map(Notification::recipient).collect(Collectors.toSet());
        Map<String, NotificationPreferenceRecord> preferences = new HashMap<>();
        dsl.selectFrom(NOTIFICATION_PREFERENCE).where(NOTIFICATION_PREFERENCE.USERNAME.in(recipients))
                .forEach(p -> preferences.put(p.getUsername() + "\u0000" + p.getKind(), p));
        Map<String, String> addresses = dsl.select(APP_USER.USERNAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.USERNAME.in(recipients)).and(APP_USER.ACTIVE.isTrue()).and(APP_USER.EMAIL.isNotNull())
                .fetchMap(APP_USER.USERNAME, APP_USER.EMAIL);
        var bell = dsl.insertInto(NOTIFICATION, NOTIFICATION.RECIPIENT, NOTIFICATION.MODULE, NOTIFICATION.KIND, NOTIFICATION.TITLE,
                NOTIFICATION.BODY, NOTIFICATION.LINK, NOTIFICATION.DIGEST, NOTIFICATION.IN_APP);
        var outbox = dsl.insertInto(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT_EMAIL, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT,
                MAIL_OUTBOX.BODY_HTML);
        int bellRows = 0;
        int mails = 0;
        Set<String> live = new HashSet<>();
        for (Notification n : notifications) {
            var preference = Optional.ofNullable(preferences.get(n.recipient() + "\u0000" + n.kind()));
            boolean inApp = preference.map(NotificationPreferenceRecord::getInApp).orElse(true);
            EmailMode email = preference.map(p -> p.getEmail()).orElse(EmailMode.IMMEDIATE);
            String address = addresses.get(n.recipient());
            boolean digest = email == EmailMode.DIGEST && address != null;
            if (inApp || digest) {
                bell = bell.values(n.recipient(), n.module(), n.kind(), n.title(), n.body(), n.link(), digest, inApp);
                bellRows++;
            }
            if (email == EmailMode.IMMEDIATE && address != null) {
                RenderedMail mail = templates.render(n);
                outbox = outbox.values(address, mail.subject(), mail.text(), mail.html());
                mails++;
            }
            if (inApp) {
                live.add(n.recipient());
            }
        }
        if (bellRows > 0) {
            bell.execute();
        }
        if (mails > 0) {
            outbox.execute();
        }
        if (!live.isEmpty()) {
            broadcaster.tellOtherConsoles(live);
            afterCommit(() -> live.forEach(broadcaster::publish));
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
                        r.getLink(), r.getCreatedAt(), r.getReadAt() != null));
    }

    /** Marks one of the current user's notifications read (another user's id changes nothing). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markRead(long id) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, Instant.now()).where(mine()).and(NOTIFICATION.ID.eq(id))
                .and(NOTIFICATION.READ_AT.isNull()).execute();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void markAllRead() {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, Instant.now()).where(mine())
                .and(NOTIFICATION.READ_AT.isNull()).execute();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setPreference(String kind, boolean inApp, EmailMode email) {
        String me = CurrentUser.username().orElseThrow();
        dsl.insertInto(NOTIFICATION_PREFERENCE).set(NOTIFICATION_PREFERENCE.USERNAME, me).set(NOTIFICATION_PREFERENCE.KIND, kind)
                .set(NOTIFICATION_PREFERENCE.IN_APP, inApp).set(NOTIFICATION_PREFERENCE.EMAIL, email)
                .onConflict(NOTIFICATION_PREFERENCE.USERNAME, NOTIFICATION_PREFERENCE.KIND).doUpdate()
                .set(NOTIFICATION_PREFERENCE.IN_APP, inApp).set(NOTIFICATION_PREFERENCE.EMAIL, email).execute();
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
                ? new Preference(kind, stored.get(kind).getInApp(), stored.get(kind).getEmail())
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

package dev.steward.console.ui.notifications;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.notifications.MailOutbox;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

/** The mail outbox: pending, sent and failed mail with the last error and when it is tried next; retry now. Says so when SMTP is not set up. */
@Route("admin/outbox")
@PageTitle("Mail outbox · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.OUTBOX_MANAGE)
public class OutboxView extends VerticalLayout {

    static final int SHOWN = 500;

    final ComboBox<String> status = new ComboBox<>();
    final Grid<MailOutbox.Mail> grid = new Grid<>();
    final Paragraph smtp = new Paragraph();
    private final MailOutbox outbox;

    public OutboxView(MailOutbox outbox) {
        this.outbox = outbox;
        setSizeFull();
        status.setItems("PENDING", "FAILED", "SENT");
        status.setPlaceholder("Any status");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        smtp.setText(outbox.smtpConfigured() ? "Mail is sent over SMTP by the platform.send-mail job; failures are retried with backoff."
                : "No SMTP server is configured (spring.mail.host), so mail is kept here and nothing is sent. Configure SMTP and restart; "
                + "waiting mail is then sent.");
        if (!outbox.smtpConfigured()) {
            smtp.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        add(new HorizontalLayout(new H2("Mail outbox"), status), smtp);
        grid.addColumn(MailOutbox.Mail::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(MailOutbox.Mail::recipient).setHeader("To").setAutoWidth(true);
        grid.addColumn(MailOutbox.Mail::subject).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(m -> m.status().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(MailOutbox.Mail::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(OutboxView::nextAttempt).setHeader("Next attempt").setKey("nextAttempt").setAutoWidth(true);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Last error").setFlexGrow(1);
        grid.addComponentColumn(this::retry).setKey("retry").setAutoWidth(true);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    /** When a waiting or failed mail is tried (again), in the user's time zone; nothing for a sent one. */
    static String nextAttempt(MailOutbox.Mail mail) {
        return "SENT".equals(mail.status()) || mail.nextAttemptAt() == null ? "" : DisplayTime.format(mail.nextAttemptAt());
    }

    void refresh() {
        grid.setItems(outbox.list(status.getValue(), SHOWN));
    }

    private Component retry(MailOutbox.Mail mail) {
        Button retry = new Button("Retry now", e -> {
            outbox.retryNow(mail.id());
            Toasts.success("Mail " + mail.id() + " will be sent on the next run of platform.send-mail");
            refresh();
        });
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setVisible(!"SENT".equals(mail.status()));
        return retry;
    }
}

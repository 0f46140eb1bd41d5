package dev.steward.dsr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.dsr.intake.OfficerIntake;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.CurrentUser;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/** "Log a request" in the queue's header: shown only to those who may work requests (dsr.work). */
@org.springframework.stereotype.Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class LogRequestButton extends Button {

    LogRequestButton(OfficerIntake intake, Mailboxes mailboxes, AttachmentService files) {
        super("Log a request", VaadinIcon.PLUS.create());
        addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setVisible(CurrentUser.hasPermission(DsrPermissions.WORK));
        addClickListener(e -> new LogRequestDialog(intake, mailboxes, files).open());
    }
}

package dev.steward.console.ui.start;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.onboarding.GettingStarted;
import dev.steward.platform.onboarding.GettingStarted.Checklist;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * The getting-started checklist of a new installation, for administrators: each step of the host and the enabled
 * plugins, ticked from real state, with a link to where it is done or, for a step the viewer may not do, the roles
 * that can.
 */
@Route("getting-started")
@PageTitle("Getting started · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.GETTING_STARTED)
public class GettingStartedView extends VerticalLayout implements BeforeEnterObserver {

    final Paragraph progressText = new Paragraph();
    final ProgressBar progress = new ProgressBar();
    final VerticalLayout steps = new VerticalLayout();
    final Button hide = new Button();
    private final GettingStarted gettingStarted;

    public GettingStartedView(GettingStarted gettingStarted) {
        this.gettingStarted = gettingStarted;
        steps.setPadding(false);
        hide.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        hide.addClickListener(e -> {
            gettingStarted.setHidden(!gettingStarted.checklist().hidden());
            refresh();
        });
        HorizontalLayout header = new HorizontalLayout(new H2("Getting started"), hide);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        header.expand(header.getComponentAt(0));
        progress.setWidth("20rem");
        progress.getElement().setAttribute("aria-label", "Steps done");
        add(header, new Paragraph("What a new installation needs before people can work in it. Each step ticks itself "
                + "once it is done."), progressText, progress, steps);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh(); // each visit reads the state afresh, also when the view instance is reused
    }

    void refresh() {
        Checklist checklist = gettingStarted.checklist();
        List<GettingStarted.Step> all = checklist.steps();
        progressText.setText(checklist.complete() ? "All " + all.size() + " steps are done."
                : checklist.doneCount() + " of " + all.size() + " steps done.");
        progress.setValue(all.isEmpty() ? 1 : (double) checklist.doneCount() / all.size());
        steps.removeAll();
        boolean mayManageUsers = CurrentUser.hasPermission(PlatformPermissions.USERS_MANAGE);
        all.forEach(step -> steps.add(new StepRow(step, mayManageUsers)));
        hide.setText(checklist.hidden() ? "Show on the dashboard" : "Hide from the dashboard");
    }
}

package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page the user may not open: said inside the shell (the menu shows what they can open), with HTTP status 403. */
@PermitAll
@ParentLayout(MainLayout.class) // error views get no @Layout by themselves
public class ForbiddenView extends ErrorPage implements HasErrorParameter<ForbiddenException> {

    public ForbiddenView() {
        super("No access", HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ForbiddenException> parameter) {
        return show(parameter);
    }
}

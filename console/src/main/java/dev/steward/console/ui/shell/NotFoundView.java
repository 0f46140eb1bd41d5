package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that is no page of the console: said inside the shell, with the way back, and HTTP status 404. */
@PermitAll
@ParentLayout(MainLayout.class) // error views get no @Layout by themselves
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("Page not found", HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(parameter);
        message.setText("There is no page at /" + event.getLocation().getPath() + ". The link may be mistyped or out of "
                + "date; the menu on the left lists the pages you can open.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

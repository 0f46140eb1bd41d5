package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page of a module that is switched off or failed: said inside the shell, with HTTP status 503. */
@PermitAll
@ParentLayout(MainLayout.class) // error views get no @Layout by themselves
public class PluginUnavailableView extends ErrorPage implements HasErrorParameter<PluginUnavailableException> {

    public PluginUnavailableView() {
        super("Module unavailable", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<PluginUnavailableException> parameter) {
        return show(parameter);
    }
}

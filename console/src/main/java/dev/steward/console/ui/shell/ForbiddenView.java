package dev.steward.console.ui.shell;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

@PermitAll
public class ForbiddenView extends ErrorPage<ForbiddenException> {
    public ForbiddenView() {
        super("No access", HttpServletResponse.SC_FORBIDDEN);
    }
}

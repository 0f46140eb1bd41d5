package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.steward.platform.db.DatabaseUnavailable;
import dev.steward.console.demo.SampleCompany;
import dev.steward.console.sso.SsoProviders;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.console.sso.SsoSignInFailure;
import dev.steward.platform.security.SignInThrottledException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Steward")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String CHECK_CREDENTIALS = "Check your user name and password.";
    static final String DATABASE_UNAVAILABLE = DatabaseUnavailable.MESSAGE + " Try again in a minute.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(SsoProviders sso, SampleInstall install) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        i18n.getForm().setTitle("Steward");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(CHECK_CREDENTIALS);
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");
        for (SsoProviders.Provider provider : sso.all()) {
            // a full page load: Spring Security's endpoint sends the browser on to the provider
            Anchor signIn = new Anchor(provider.signInPath(), "Sign in with " + provider.name());
            signIn.setRouterIgnore(true);
            signIn.addClassName("sso-sign-in");
            add(signIn);
        }
        if (sso.configured()) {
            add(new Paragraph("Or with a Steward account:"));
        }
        add(login, new Paragraph("Privacy and security operations console"));
        if (install.isSampleInstall()) {
            add(sampleUsers());
        }
    }

    /** Only on a sample install: who to sign in as, and the sample users' known password. */
    private static Paragraph sampleUsers() {
        Paragraph hint = new Paragraph(SampleDataBadge.TEXT + " (" + SampleCompany.NAME + "). Sign in as "
                + SampleCompany.USERS.stream().map(u -> u.username() + " (" + u.role().label().toLowerCase(java.util.Locale.ROOT) + ")")
                        .collect(java.util.stream.Collectors.joining(", "))
                + " with the password " + SampleCompany.PASSWORD + ".");
        hint.addClassName("sample-data-sign-in");
        hint.setMaxWidth("32rem");
        return hint;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // Spring Security's failure handler keeps the reason in the session; a throttled attempt says when to retry
        Object reason = failed && VaadinSession.getCurrent() != null
                ? VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
        i18n.getErrorMessage().setMessage(reason instanceof SignInThrottledException throttled ? throttled.getMessage()
                : reason instanceof Throwable t && DatabaseUnavailable.causedBy(t) ? DATABASE_UNAVAILABLE : CHECK_CREDENTIALS);
        if (event.getLocation().getQueryParameters().getParameters().containsKey(SsoSignInFailure.QUERY_PARAMETER)) {
            i18n.getErrorMessage().setMessage(SsoSignInFailure.messageFor(reason));
        }
        login.setI18n(i18n);
        login.setError(failed);
    }
}

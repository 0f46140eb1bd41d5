package dev.steward.platform.ui;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.util.concurrent.CompletableFuture;

/**
 * Long work (imports, checks against other servers) off the UI thread, as the user who started it (their permissions
 * apply); the caller reports progress and the outcome with {@code ui.access(...)}.
 */
public final class Background {

    private Background() {
    }

    public static CompletableFuture<Void> run(Runnable task) {
        return CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(task), r -> Thread.ofVirtual().start(r));
    }

    /**
     * As {@link #run}, as the user of {@code startedBy}: for work a component starts from a callback that Vaadin may run
     * on a thread without the user's security context, such as the end of an upload (its {@code ui.access} can run on
     * whichever thread releases the session next).
     */
    public static CompletableFuture<Void> run(org.springframework.security.core.Authentication startedBy, Runnable task) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(startedBy);
        return CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(task, context), r -> Thread.ofVirtual().start(r));
    }

    /** The signed-in user of this request, for {@link #run(org.springframework.security.core.Authentication, Runnable)} later. */
    public static org.springframework.security.core.Authentication currentUser() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    }

    /**
     * Shows progress from the background work: {@code ui.access(command)}, after which this thread is still its user.
     * When the session is free, Vaadin runs the command right here and leaves the thread without the user's security
     * context; the work's next guarded call would then fail ("An Authentication object was not found").
     */
    public static void report(com.vaadin.flow.component.UI ui, com.vaadin.flow.server.Command command) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            ui.access(command);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        }
    }
}

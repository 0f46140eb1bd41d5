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
}

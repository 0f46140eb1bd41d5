package dev.steward.reviews.ui;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import java.util.concurrent.CompletableFuture;

/** Long work off the UI thread, as the user who started it (their permissions apply). */
final class Background {

    private Background() {
    }

    static CompletableFuture<Void> run(Runnable task) {
        return CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(task), r -> Thread.ofVirtual().start(r));
    }
}

package dev.steward.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Releases the UIs of tabs that went away without saying so (a crashed browser, a lost network, a laptop put to
 * sleep). A tab that is closed sends an unload beacon and its UI is dropped at once; for the others Vaadin marks a UI
 * inactive after three missed heartbeats but removes it only when the same session makes another request, so a tab
 * that never comes back would keep its component tree until the HTTP session times out. This sweep removes inactive
 * UIs of every session each {@code steward.ui.sweep-interval}: with a 60 s heartbeat, within about four minutes.
 */
@Component
public class InactiveUiSweeper implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(InactiveUiSweeper.class);

    private final Set<VaadinSession> sessions = ConcurrentHashMap.newKeySet();
    private final Duration interval;

    public InactiveUiSweeper(@Value("${steward.ui.sweep-interval:60s}") Duration interval) {
        this.interval = interval;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(e -> sessions.add(e.getSession()));
        service.addSessionDestroyListener(e -> sessions.remove(e.getSession()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ui-sweeper").factory());
        timer.scheduleWithFixedDelay(() -> sweep(service), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        service.addServiceDestroyListener(e -> timer.shutdownNow());
    }

    private void sweep(VaadinService service) {
        sessions.forEach(session -> sweep(service, session));
    }

    /** Closes and removes the session's UIs that Vaadin counts inactive (no heartbeat for three intervals, or idle). */
    public void sweep(VaadinService service, VaadinSession session) {
        try {
            session.access(() -> new ArrayList<>(session.getUIs()).stream().filter(ui -> !service.isUIActive(ui)).forEach(ui -> remove(session, ui)));
        } catch (RuntimeException e) {
            log.debug("Could not sweep a session", e); // one being invalidated at this moment
        }
    }

    private static void remove(VaadinSession session, UI ui) {
        if (!ui.isClosing()) {
            ui.close();
        }
        ui.accessSynchronously(() -> session.removeUI(ui)); // as Vaadin does: detach listeners see their UI as current
    }
}

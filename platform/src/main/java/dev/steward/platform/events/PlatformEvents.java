package dev.steward.platform.events;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.PeopleChanged;
import dev.steward.platform.spi.PlatformEventListener;
import dev.steward.platform.spi.RecordsLinked;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Hands the platform's events to every {@link PlatformEventListener} of the host and of the enabled plugins, in the
 * caller's thread and transaction (see the extension point for why). An empty event is not published.
 */
@Component
public class PlatformEvents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlatformEvents.class);

    private final ExtensionRegistry registry;

    public PlatformEvents(ExtensionRegistry registry) {
        this.registry = registry;
    }

    public void publish(PeopleChanged event) {
        if (!event.isEmpty()) {
            log.debug("People changed ({}): {} move(s), {} termination(s)", event.source(), event.moves().size(), event.terminations().size());
            each(listener -> listener.peopleChanged(event));
        }
    }

    public void publish(RecordsLinked event) {
        each(listener -> listener.recordsLinked(event));
    }

    private void each(Consumer<PlatformEventListener> call) {
        registry.contributions(PlatformEventListener.class).forEach(call);
    }
}

package dev.steward.platform.notifications;

import dev.steward.platform.cluster.ClusterEvents;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells open UIs of a user that they have something new. Listeners are registered by the UI (and must push the
 * change with {@code ui.access}) on the console serving it; the other consoles on the database relay to theirs
 * through {@link ClusterEvents}, so a user's page on another console hears of it too.
 */
@Component
public class NotificationBroadcaster {

    private static final String TOPIC = "notification";
    /** Recipients per event, well under PostgreSQL's 8000-byte payload (user names are at most 100 characters). */
    private static final int RECIPIENTS_PER_EVENT = 60;

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ClusterEvents cluster;

    public NotificationBroadcaster(ClusterEvents cluster) {
        this.cluster = cluster;
        cluster.subscribe(TOPIC, event -> {
            if (!event.fromThisConsole()) { // this console told its own UIs after commit
                event.payload().lines().forEach(this::publish);
            }
        });
    }

    public Runnable register(String username, Consumer<String> listener) {
        listeners.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(username, List.of()).remove(listener);
    }

    /** In the transaction that stores the notifications: the other consoles tell these users' UIs once it commits. */
    void tellOtherConsoles(Collection<String> usernames) {
        List<String> recipients = List.copyOf(usernames);
        for (int from = 0; from < recipients.size(); from += RECIPIENTS_PER_EVENT) {
            cluster.publish(TOPIC, String.join("\n", recipients.subList(from, Math.min(recipients.size(), from + RECIPIENTS_PER_EVENT))));
        }
    }

    void publish(String username) {
        listeners.getOrDefault(username, List.of()).forEach(listener -> listener.accept(username));
    }
}

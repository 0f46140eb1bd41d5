package dev.steward.platform.notifications;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells open UIs of a user that they have something new. Listeners are registered by the UI (and must push the
 * change with {@code ui.access}); in-memory, per console instance: a user's other instance sees it on next refresh.
 */
@Component
public class NotificationBroadcaster {

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    public Runnable register(String username, Consumer<String> listener) {
        listeners.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(username, List.of()).remove(listener);
    }

    void publish(String username) {
        listeners.getOrDefault(username, List.of()).forEach(listener -> listener.accept(username));
    }
}

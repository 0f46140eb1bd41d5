package dev.steward.platform.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every console on the same database what changed, through PostgreSQL {@code LISTEN/NOTIFY}: no cluster
 * protocol of our own, every console equal. {@link #publish} runs {@code pg_notify} in the caller's transaction, so
 * the event goes out when (and only if) that transaction commits. One dedicated connection per console listens;
 * it reconnects after a database restart, and then, and every {@code steward.cluster.resync-interval}, the
 * {@linkplain #onResync re-read hooks} run as a safety net for events missed meanwhile.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

    /** What a subscriber hears: the payload, and whether this very console published it. */
    public record Event(String topic, String payload, boolean fromThisConsole) {
    }

    static final String CHANNEL = "steward_cluster";
    private static final char SEPARATOR = '|';
    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final Duration resyncInterval;
    private final String consoleId = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<Event>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public ClusterEvents(DSLContext dsl, DataSource dataSource,
                         @Value("${steward.cluster.resync-interval:PT15S}") Duration resyncInterval) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.resyncInterval = resyncInterval;
    }

    /**
     * Sends an event to every console, this one included, when the caller's transaction commits (at once without
     * one). Payloads are short (PostgreSQL takes under 8000 bytes): an id or a user name, not the data itself.
     */
    public void publish(String topic, String payload) {
        if (topic.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A topic has no '" + SEPARATOR + "': " + topic);
        }
        dsl.execute("select pg_notify(?, ?)", CHANNEL, consoleId + SEPARATOR + topic + SEPARATOR + payload);
    }

    /** Calls the handler, on the listening thread, for each event of the topic from any console; keep it short. */
    public void subscribe(String topic, Consumer<Event> handler) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** A re-read of shared state from the database, run periodically and after the listener reconnects. */
    public void onResync(Runnable reread) {
        resyncs.add(reread);
    }

    /** Whether this console is listening now (false while the database is unreachable). */
    public boolean isListening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("steward-cluster-events").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the connection pool and an embedded server go, starts after the rest. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void listen() {
        boolean lost = false;
        long nextResync = System.nanoTime() + resyncInterval.toNanos();
        while (running) {
            try (Connection connection = openConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (lost) {
                    log.info("Listening to the other consoles again; re-reading shared state");
                    lost = false;
                    resync();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - nextResync > 0) {
                        nextResync = System.nanoTime() + resyncInterval.toNanos();
                        try (Statement probe = connection.createStatement()) {
                            probe.execute("select 1"); // a silently dropped connection shows here
                        }
                        resync();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("Lost the connection that hears the other consoles ({}); retrying every second", e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        listening = false;
    }

    private void deliver(String message) {
        int first = message.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : message.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            return;
        }
        String topic = message.substring(first + 1, second);
        Event event = new Event(topic, message.substring(second + 1), message.substring(0, first).equals(consoleId));
        for (Consumer<Event> handler : subscribers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.warn("Handling the cluster event {} failed", topic, e);
            }
        }
    }

    private void resync() {
        for (Runnable reread : resyncs) {
            try {
                reread.run();
            } catch (RuntimeException e) {
                log.warn("Re-reading shared state failed; retried at the next interval", e);
            }
        }
    }

    /** A connection of its own, outside the pool: it is held for the console's lifetime. */
    private Connection openConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", "steward-cluster-events");
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }
}

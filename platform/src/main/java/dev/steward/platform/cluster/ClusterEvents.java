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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every console on the same database what changed, through PostgreSQL {@code LISTEN/NOTIFY}: no cluster
 * protocol of our own, every console equal. {@link #publish} runs {@code pg_notify} in the caller's transaction, so
 * the event goes out when (and only if) that transaction commits. One dedicated connection per console listens;
 * it reconnects after a database restart, and then, and every {@code steward.cluster.resync-interval}, it catches up:
 * NOTIFY reaches only the consoles listening at that moment, so every event is also kept a day in
 * {@code platform.cluster_event} and those this console has not heard are delivered then (a user's sessions end even
 * if they were ended while this console's listening connection was lost), and the {@linkplain #onResync re-read
 * hooks} run.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

    /** What a subscriber hears: the payload, and whether this very console published it. */
    public record Event(String topic, String payload, boolean fromThisConsole) {
    }

    static final String CHANNEL = "steward_cluster";
    private static final char SEPARATOR = '|';
    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    /** How far before the last catch-up events are looked for again: an event's time is its insert, not its commit. */
    static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(5);
    static final Duration KEPT = Duration.ofDays(1);

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final Duration resyncInterval;
    private final Duration reconnectDelay;
    private final String consoleId = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<Event>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> resyncs = new CopyOnWriteArrayList<>();
    /** Events heard (or skipped as older than this console) since the last catch-up's window began. */
    private final Set<Long> heard = ConcurrentHashMap.newKeySet();
    private Timestamp caughtUpTo; // database time of the last catch-up; null before the first (listener thread only)
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    public ClusterEvents(DSLContext dsl, DataSource dataSource,
                         @Value("${steward.cluster.resync-interval:PT15S}") Duration resyncInterval,
                         @Value("${steward.cluster.reconnect-delay:PT1S}") Duration reconnectDelay) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.resyncInterval = resyncInterval;
        this.reconnectDelay = reconnectDelay;
    }

    /** This console's id in the events it publishes (and in the name of its listening connection). */
    public String consoleId() {
        return consoleId;
    }

    /**
     * Sends an event to every console, this one included, when the caller's transaction commits (at once without
     * one). Payloads are short (PostgreSQL takes under 8000 bytes): an id or a user name, not the data itself.
     */
    public void publish(String topic, String payload) {
        if (topic.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A topic has no '" + SEPARATOR + "': " + topic);
        }
        dsl.execute("""
                with event as (insert into platform.cluster_event (console_id, topic, payload) values (?, ?, ?) returning id)
                select pg_notify(?, ? || event.id || ?) from event""",
                consoleId, topic, payload, CHANNEL, consoleId + SEPARATOR + topic + SEPARATOR, SEPARATOR + payload);
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
                if (caughtUpTo == null) {
                    // what was said before this console listened is not for it; noted before LISTEN, so that an event
                    // committed in between is not taken for heard (the next catch-up delivers it)
                    catchUp(connection, false);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (lost) {
                    log.info("Listening to the other consoles again; catching up on what they said meanwhile");
                    lost = false;
                    resync(connection);
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
                        resync(connection);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("Lost the connection that hears the other consoles ({}); retrying every {} ms", e.getMessage(),
                            reconnectDelay.toMillis());
                    lost = true;
                }
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        listening = false;
    }

    /** A notification: {@code <console>|<topic>|<event id>|<payload>}. */
    private void deliver(String message) {
        int first = message.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : message.indexOf(SEPARATOR, first + 1);
        int third = second < 0 ? -1 : message.indexOf(SEPARATOR, second + 1);
        if (third < 0) {
            return;
        }
        try {
            if (!heard.add(Long.parseLong(message.substring(second + 1, third)))) {
                return; // delivered already by a catch-up
            }
        } catch (NumberFormatException e) {
            return;
        }
        deliver(message.substring(0, first), message.substring(first + 1, second), message.substring(third + 1));
    }

    private void deliver(String console, String topic, String payload) {
        Event event = new Event(topic, payload, console.equals(consoleId));
        for (Consumer<Event> handler : subscribers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                log.warn("Handling the cluster event {} failed", topic, e);
            }
        }
    }

    private void resync(Connection connection) throws SQLException {
        catchUp(connection, true);
        for (Runnable reread : resyncs) {
            try {
                reread.run();
            } catch (RuntimeException e) {
                log.warn("Re-reading shared state failed; retried at the next interval", e);
            }
        }
    }

    /**
     * Delivers the kept events this console has not heard (the first time, only notes them as heard), then forgets
     * what fell out of the window, and removes events older than a day.
     */
    private void catchUp(Connection connection, boolean deliver) throws SQLException {
        Timestamp now;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select clock_timestamp()")) {
            row.next();
            now = row.getTimestamp(1);
        }
        Timestamp from = Timestamp.from((caughtUpTo == null ? now : caughtUpTo).toInstant().minus(CATCH_UP_MARGIN));
        Set<Long> inWindow = new HashSet<>();
        int missed = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "select id, console_id, topic, payload from platform.cluster_event where published_at >= ? order by id")) {
            query.setTimestamp(1, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    inWindow.add(id);
                    if (heard.add(id) && deliver) {
                        missed++;
                        deliver(rows.getString(2), rows.getString(3), rows.getString(4));
                    }
                }
            }
        }
        heard.retainAll(inWindow);
        caughtUpTo = now;
        if (missed > 0) {
            log.info("Caught up on {} event(s) from the other consoles that this console had not heard", missed);
        }
        try (PreparedStatement purge = connection.prepareStatement("delete from platform.cluster_event where published_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(now.toInstant().minus(KEPT)));
            purge.executeUpdate();
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
                properties.setProperty("ApplicationName", "steward-cluster-events " + consoleId);
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        return dataSource.getConnection();
    }
}

package dev.steward.platform.cluster;

import dev.steward.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The events consoles on one database tell each other, through PostgreSQL's LISTEN/NOTIFY. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "steward.cluster.resync-interval=PT1H", "steward.cluster.reconnect-delay=PT2S"})
class ClusterEventsTest {

    @Autowired
    ClusterEvents cluster;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Environment environment;

    @Test
    void an_event_goes_out_when_its_transaction_commits_and_never_when_it_rolls_back() {
        List<ClusterEvents.Event> heard = new CopyOnWriteArrayList<>();
        cluster.subscribe("test.commit", heard::add);
        awaitPromptly("listening", cluster::isListening);

        transaction.executeWithoutResult(status -> {
            cluster.publish("test.commit", "rolled back");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            cluster.publish("test.commit", "committed");
            sleep(300);
            assertThat(heard).as("nothing is heard before the commit").isEmpty();
        });

        awaitPromptly("the committed event is heard", () -> !heard.isEmpty());
        sleep(300);
        assertThat(heard).containsExactly(new ClusterEvents.Event("test.commit", "committed", true));
    }

    @Test
    void after_losing_its_connection_a_console_listens_again_and_re_reads_what_it_may_have_missed() {
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger rereads = new AtomicInteger();
        cluster.subscribe("test.reconnect", event -> heard.add(event.payload()));
        cluster.onResync(rereads::incrementAndGet);
        awaitPromptly("listening", cluster::isListening);

        dropTheListeningConnection();

        awaitPromptly("the shared state is re-read after reconnecting", () -> rereads.get() > 0);
        cluster.publish("test.reconnect", "after the restart");
        awaitPromptly("an event after the reconnect is heard", () -> heard.contains("after the restart"));
    }

    @Test
    void an_event_published_while_a_console_was_not_listening_reaches_it_once_when_it_catches_up() {
        List<String> heard = new CopyOnWriteArrayList<>();
        cluster.subscribe("test.missed", event -> heard.add(event.payload()));
        awaitPromptly("listening", cluster::isListening);

        dropTheListeningConnection();
        awaitPromptly("the connection is seen lost", () -> !cluster.isListening());
        cluster.publish("test.missed", "said meanwhile");
        assertThat(cluster.isListening()).as("no NOTIFY could reach the console").isFalse();

        awaitPromptly("the missed event is delivered at the catch-up", () -> heard.contains("said meanwhile"));
        cluster.publish("test.missed", "said afterwards");
        awaitPromptly("the next event is heard", () -> heard.contains("said afterwards"));
        sleep(300);
        assertThat(heard).containsExactly("said meanwhile", "said afterwards");
    }

    /** What a database restart does to the listening connection. */
    private void dropTheListeningConnection() {
        TestDatabase.of(environment).executeAsAdmin("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = 'steward-cluster-events " + cluster.consoleId() + "' and datname = current_database()");
    }

    private static void awaitPromptly(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within 5 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

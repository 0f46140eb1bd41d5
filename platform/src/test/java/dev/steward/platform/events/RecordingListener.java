package dev.steward.platform.events;

import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.PeopleChanged;
import dev.steward.platform.spi.PlatformEventListener;
import dev.steward.platform.spi.RecordsLinked;
import org.springframework.context.annotation.Bean;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A listener of the platform's events as a plugin would contribute one (a host bean here), keeping what it heard; and two
 * kinds of linkable record (a case, a system) so that links can be made without any plugin. Tests {@code @Import} it.
 */
public class RecordingListener implements PlatformEventListener {

    public final List<PeopleChanged> people = new CopyOnWriteArrayList<>();
    public final List<RecordsLinked> links = new CopyOnWriteArrayList<>();
    /** Thrown at the next event heard, then cleared: what a failing listener does to the change. */
    public volatile RuntimeException failNext;

    @Override
    public void peopleChanged(PeopleChanged event) {
        failIfAsked();
        people.add(event);
    }

    @Override
    public void recordsLinked(RecordsLinked event) {
        failIfAsked();
        links.add(event);
    }

    private void failIfAsked() {
        RuntimeException failure = failNext;
        failNext = null;
        if (failure != null) {
            throw failure;
        }
    }

    public void clear() {
        people.clear();
        links.clear();
    }

    /** Imported by the tests that use it (not annotated: the platform's component scan would add it to every test context). */
    public static class Config {

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }

        @Bean
        EntityLinkProvider testCases() {
            return new Records("test.case", "Case", EntityLinkProvider.Kind.CASE, id -> "CASE-" + id + " Laptop stolen");
        }

        @Bean
        EntityLinkProvider testSystems() {
            return new Records("test.system", "System", EntityLinkProvider.Kind.SYSTEM, id -> "System " + id);
        }
    }

    /** Records that exist for every numeric id, seen and linked by anyone holding {@code platform.people.read}. */
    record Records(String type, String label, Kind kind, Function<String, String> title) implements EntityLinkProvider {

        @Override
        public String requiredPermission() {
            return "platform.people.read";
        }

        @Override
        public String linkPermission() {
            return "platform.people.read";
        }

        @Override
        public List<LinkTarget> find(String text, int limit) {
            return List.of();
        }

        @Override
        public Map<String, LinkTarget> describe(Collection<String> ids) {
            return EntityLinkProvider.numericIds(ids).stream().map(String::valueOf)
                    .collect(Collectors.toMap(id -> id, id -> new LinkTarget(id, title.apply(id), label, "test/" + id)));
        }
    }
}

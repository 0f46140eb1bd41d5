package dev.steward.platform.links;

import dev.steward.platform.events.RecordingListener;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.RecordsLinked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Linking two records tells the platform's listeners which records, of which kinds, and who linked them; a refused link tells nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(RecordingListener.Config.class)
@WithMockUser(username = "olivia", authorities = {"platform.people.manage", "platform.people.read"})
class RecordsLinkedEventTest {

    @Autowired
    EntityLinks links;
    @Autowired
    RecordingListener listener;

    @BeforeEach
    void clear() {
        listener.clear();
    }

    @Test
    void a_link_is_published_with_both_ends_described_by_their_modules() {
        LinkedRecord linked = links.link(EntityRef.of("test.case", 12), EntityRef.of("test.system", 7), "affected");

        assertThat(listener.links).singleElement().satisfies(e -> {
            assertThat(e.linkId()).isEqualTo(linked.linkId());
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.note()).isEqualTo("affected");
            RecordsLinked.End system = e.end("test.system").orElseThrow();
            assertThat(system.kind()).isEqualTo(EntityLinkProvider.Kind.SYSTEM);
            assertThat(e.other(system)).isEqualTo(new RecordsLinked.End(EntityRef.of("test.case", 12), "Case", EntityLinkProvider.Kind.CASE,
                    "CASE-12 Laptop stolen"));
        });

        assertThatThrownBy(() -> links.link(EntityRef.of("test.system", 7), EntityRef.of("test.case", 12), null))
                .isInstanceOf(LinkRejectedException.class);
        assertThat(listener.links).as("the same link again is refused and not published").hasSize(1);
    }
}

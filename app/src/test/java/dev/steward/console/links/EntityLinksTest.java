package dev.steward.console.links;

import dev.steward.testkit.console.KaribuTest;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.OurRole;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkRejectedException;
import dev.steward.platform.links.LinkedRecord;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

/** Links between an incident (incident plugin) and a system (access-review plugin) through the platform's extension point. */
@SpringBootTest(classes = dev.steward.console.StewardApplication.class)
class EntityLinksTest extends KaribuTest {

    @Autowired
    EntityLinks links;
    @Autowired
    ExtensionRegistry registry;
    @Autowired
    DSLContext dsl;

    EntityRef incident;
    EntityRef system;
    String systemTitle;

    @BeforeEach
    void incidentAndSystem() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        String code = "erp-" + UUID.randomUUID().toString().substring(0, 8);
        SystemInfo erp = registry.contextOf("reviews").orElseThrow().getBean(SystemService.class)
                .save(new SystemInfo(null, code, "ERP", null, SystemInfo.Criticality.HIGH, true, 90, 0));
        Incident logged = registry.contextOf("incidents").orElseThrow().getBean(IncidentService.class)
                .create(IncidentForm.of("Database copied", IncidentType.UNAUTHORISED_ACCESS, IncidentSource.SIEM, OurRole.CONTROLLER,
                        Instant.now().minus(2, ChronoUnit.HOURS)));
        incident = EntityRef.of("incidents.incident", logged.id());
        system = EntityRef.of("reviews.system", erp.id());
        systemTitle = "ERP (" + code + ")";
    }

    @Test
    void a_link_shows_on_both_records_and_is_audited() {
        LinkedRecord made = links.link(incident, system, "Its database was copied");

        assertThat(made.target().title()).isEqualTo(systemTitle);
        LinkedRecord fromIncident = links.linksOf(incident).visible().getFirst();
        assertThat(fromIncident.typeLabel()).isEqualTo("System");
        assertThat(fromIncident.ref()).isEqualTo(system);
        assertThat(fromIncident.note()).isEqualTo("Its database was copied");
        assertThat(fromIncident.createdBy()).isEqualTo("olivia");
        LinkedRecord fromSystem = links.linksOf(system).visible().getFirst();
        assertThat(fromSystem.typeLabel()).isEqualTo("Incident");
        assertThat(fromSystem.target().title()).endsWith("Database copied");
        assertThat(fromSystem.target().route()).isEqualTo("incidents/" + incident.id());
        assertThat(audited(made.linkId(), "CREATE")).isEqualTo(1);

        links.unlink(made.linkId());
        assertThat(links.linksOf(incident).visible()).isEmpty();
        assertThat(links.linksOf(system).visible()).isEmpty();
        assertThat(audited(made.linkId(), "DELETE")).isEqualTo(1);
    }

    @Test
    void bad_links_are_refused_with_a_reason_and_change_nothing() {
        links.link(incident, system, null);
        int before = dsl.fetchCount(table("platform.entity_link"));

        assertRefused(() -> links.link(system, incident, null), "is already linked to");
        assertRefused(() -> links.link(incident, incident, null), "cannot be linked to itself");
        assertRefused(() -> links.link(incident, new EntityRef("reviews.system", "999999"), null), "No system 999999 that you may see");
        assertRefused(() -> links.link(incident, new EntityRef("nobody.thing", "1"), null), "Records of type nobody.thing are unknown");
        assertRefused(() -> links.link(incident, new EntityRef("reviews.system", "x'; drop table"), null), "No system");
        assertRefused(() -> links.link(new EntityRef("incidents.incident", "42424242"), system, "x".repeat(501)), "at most 500");
        assertRefused(() -> links.unlink(-1), "no longer exists");
        assertThatThrownBy(() -> EntityRef.parse("no-colon")).isInstanceOf(LinkRejectedException.class).hasMessageContaining("type:id");

        assertThat(dsl.fetchCount(table("platform.entity_link"))).isEqualTo(before);
    }

    @Test
    void a_reader_sees_links_but_may_not_change_them() {
        LinkedRecord made = links.link(incident, system, null);
        loginAs("alma", Role.AUDITOR);

        assertThat(links.linksOf(incident).visible()).extracting(LinkedRecord::ref).containsExactly(system);
        assertThat(links.linksOf(incident).visible().getFirst().mayUnlink()).isFalse();
        assertRefused(() -> links.unlink(made.linkId()), "You may change neither");
        loginAs("olivia", Role.PRIVACY_OFFICER);
        assertThat(links.linksOf(incident).visible()).hasSize(1);
    }

    @Test
    void records_the_user_may_not_see_are_counted_not_shown() {
        links.link(incident, system, null);
        loginWith("ines", "incidents.read");

        EntityLinks.Links seen = links.linksOf(incident);
        assertThat(seen.visible()).isEmpty();
        assertThat(seen.hidden()).isEqualTo(1);
        assertRefused(() -> links.linksOf(system), "unknown or not visible");
        assertThat(links.visibleTypes()).extracting(p -> p.type()).containsExactly("incidents.incident");
    }

    @Test
    void links_to_a_disabled_plugins_records_are_kept_but_hidden_until_it_is_enabled_again() {
        links.link(incident, system, null);
        registry.setEnabled("reviews", false, "test");
        try {
            assertThat(links.linksOf(incident).visible()).isEmpty();
            assertThat(links.linksOf(incident).hidden()).isEqualTo(1);
            assertRefused(() -> links.link(incident, system, null), "unknown or not visible");
        } finally {
            registry.setEnabled("reviews", true, "test");
        }
        assertThat(links.linksOf(incident).visible()).extracting(LinkedRecord::ref).containsExactly(system);
    }

    @Test
    void candidates_leave_out_what_is_already_linked() {
        assertThat(links.candidates(incident, "reviews.system", "ERP", 50)).extracting(t -> t.title()).contains(systemTitle);
        links.link(incident, system, null);
        assertThat(links.candidates(incident, "reviews.system", "ERP", 50)).extracting(t -> t.title()).doesNotContain(systemTitle);
    }

    private int audited(long linkId, String action) {
        return dsl.fetchCount(table("platform.audit_log"), org.jooq.impl.DSL.condition(
                "module = 'platform' and entity_type = 'entity_link' and entity_id = ? and action = ?", Long.toString(linkId), action));
    }

    private void loginWith(String username, String... permissions) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(permissions).map(SimpleGrantedAuthority::new).toList()));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(LinkRejectedException.class).hasMessageContaining(reason);
    }
}

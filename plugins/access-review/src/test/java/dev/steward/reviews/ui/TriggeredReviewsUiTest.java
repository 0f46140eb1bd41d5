package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.Person;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.reviews.triggers.Trigger;
import dev.steward.reviews.triggers.TriggerSettings;
import dev.steward.reviews.triggers.TriggeredReviews;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access-review administrator sets which events trigger micro-reviews (bad due days shown on the field), sees a
 * triggered campaign marked with its trigger, and an auditor sees the settings without being able to change them.
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
class TriggeredReviewsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    PeopleDirectory people;
    @Autowired
    dev.steward.platform.security.UserAccountService users;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    @Test
    void an_administrator_changes_the_settings_and_sees_a_triggered_campaign_marked_with_its_reason() {
        loginAs("owen-" + suffix, Role.SECURITY_ANALYST, Role.ADMIN);
        // a user who may own triggered reviews (the first access-review administrator, unless another is older)
        // (another user than the one signed in: a new account must first change its password)
        users.create("olga-" + suffix, "Olga Owner", "olga-" + suffix + "@example.org", java.util.EnumSet.of(Role.SECURITY_ANALYST));
        TriggeredReviews triggered = bean(TriggeredReviews.class);
        TriggerSettings before = triggered.settings();
        // a mover with access: Pia moves from Ops to Legal
        long ops = people.saveOrgUnit(null, 0, "OPS-" + suffix, "Ops " + suffix, null);
        long legal = people.saveOrgUnit(null, 0, "LEGAL-" + suffix, "Legal " + suffix, null);
        long pia = people.save(new PersonForm(null, 0, "P-" + suffix, "Pia Mover " + suffix, null, null, ops, null, EmploymentStatus.ACTIVE,
                LocalDate.of(2020, 1, 1), null));
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = ("account,entitlement,employee_id\npia,EDIT,P-" + suffix + "\n").getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        Person p = people.find(pia).orElseThrow();
        people.save(new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(), legal, null, p.status(),
                p.startDate(), p.endDate()));
        triggered.launchPending(Instant.now());
        assertThat(triggered.recent(20)).filteredOn(t -> t.personId() != null && t.personId() == pia).singleElement()
                .satisfies(t -> assertThat(t.status()).as(t.outcome()).isEqualTo(Trigger.Status.LAUNCHED));
        Campaign review = bean(CampaignService.class).list().stream()
                .filter(c -> c.name().equals("Mover review: Pia Mover " + suffix + " (Ops " + suffix + " \u2192 Legal " + suffix + ")"))
                .findFirst().orElseThrow();

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        int row = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(review.id());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("Mover");
        assertThat(view.grid.getColumnByKey("trigger").getTooltipGenerator()).isNotNull();
        assertThat(_find(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText("Repeat…")))
                .as("a triggered review is not repeated").isEmpty();

        _click(view.triggered);
        TriggeredReviewsDialog dialog = _get(TriggeredReviewsDialog.class);
        assertThat(GridKt._findAll(dialog.triggers)).anyMatch(t -> t.campaignId() != null && t.campaignId() == review.id()
                && t.status() == Trigger.Status.LAUNCHED);
        assertThat(dialog.save.isVisible()).isTrue();
        setValue(dialog.dueDays, 0);
        _click(dialog.save);
        assertThat(dialog.dueDays.isInvalid()).isTrue();
        assertThat(dialog.dueDays.getErrorMessage()).isEqualTo("A triggered review is due in 1 to 90 days");
        assertThat(triggered.settings()).as("nothing saved").isEqualTo(before);

        setValue(dialog.dueDays, 14);
        setValue(dialog.mover, false);
        _click(dialog.save);
        assertThat(dialog.dueDays.isInvalid()).isFalse();
        TriggerSettings saved = triggered.settings();
        assertThat(saved.dueDays()).isEqualTo(14);
        assertThat(saved.mover()).isFalse();
        assertThat(saved.leaver()).isTrue();
        triggered.saveSettings(new TriggerSettings(before.mover(), before.leaver(), before.incident(), before.dueDays(), before.owner(),
                saved.version()));
    }

    @Test
    void an_auditor_sees_the_settings_but_cannot_change_them() {
        loginAs("audrey-" + suffix, Role.AUDITOR);
        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        _click(view.triggered);
        TriggeredReviewsDialog dialog = _get(TriggeredReviewsDialog.class);
        assertThat(dialog.save.isEnabled()).isFalse();
        assertThat(dialog.save.getTooltip().getText()).isEqualTo("Only a privacy officer or a security analyst can change these settings");
        assertThat(dialog.whoChanges.isVisible()).isTrue();
        assertThat(dialog.dueDays.isReadOnly()).isTrue();
        assertThat(dialog.mover.isReadOnly()).isTrue();
    }
}

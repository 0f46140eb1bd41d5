package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.campaigns.RecurringCampaigns;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A campaign owner makes a campaign repeat every quarter, sees the schedule with its next run, and stops it. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class RepeatCampaignUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    @Test
    void an_owner_repeats_a_campaign_quarterly_and_stops_it() {
        loginAs("owen-" + suffix, Role.SECURITY_ANALYST);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        Campaign draft = bean(CampaignService.class).create(CampaignForm.oneStage("Wiki review " + suffix, null, List.of(wiki.id()), null,
                false, false, List.of(), CampaignForm.ReviewerRule.NAMED, "owen-" + suffix, "owen-" + suffix, CampaignForm.NoResponse.KEEP,
                Instant.now(), Instant.now().plus(Duration.ofDays(7))));

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        assertThat(view.schedules.isVisible()).as("no repeated campaign yet").isFalse();
        int row = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(draft.id());
        _click(_get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText("Repeat…")));
        RepeatDialog dialog = _get(RepeatDialog.class);
        dialog.firstRun.setValue(LocalDateTime.now().minusDays(2));
        _click(dialog.save);
        assertThat(dialog.firstRun.isInvalid()).isTrue();
        assertThat(dialog.firstRun.getErrorMessage()).isEqualTo("The first run must be in the future");

        dialog.frequency.setValue(RecurringCampaigns.Frequency.QUARTERLY);
        dialog.firstRun.setValue(LocalDateTime.now().plusDays(30));
        _click(dialog.save);
        assertThat(view.schedules.isVisible()).isTrue();
        RecurringCampaigns.Schedule schedule = GridKt._get(view.schedules, 0);
        assertThat(schedule.templateName()).isEqualTo("Wiki review " + suffix);
        assertThat(schedule.frequency().label()).isEqualTo("Every quarter");
        _click(_get(GridKt._getCellComponent(view.schedules, 0, "actions"), Button.class, spec -> spec.withText("Stop")));
        assertThat(view.schedules.isVisible()).isFalse();
    }
}

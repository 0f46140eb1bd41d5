package dev.steward.reviews.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator defines a two-stage campaign in the dialog, launches it and opens stage 2 after its preview. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CampaignStagesUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private Button action(CampaignsView view, String name, String text) {
        int row = GridKt._findAll(view.grid).stream().map(Campaign::name).toList().indexOf(name);
        return _get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText(text));
    }

    private Campaign campaign(CampaignsView view, String name) {
        return GridKt._findAll(view.grid).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_two_stage_campaign_is_defined_launched_and_moved_to_its_second_stage() {
        loginAs("ivy-" + suffix, Role.SECURITY_ANALYST);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\nben,VIEW\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        _click(view.create);
        CampaignDialog dialog = _get(CampaignDialog.class);
        assertThat(dialog.stages.get(1).reviewerRule.isVisible()).isFalse();
        String name = "Wiki two-stage " + suffix;
        setValue(dialog.name, name);
        setValue(dialog.systems, Set.of(wiki));
        setValue(dialog.fallback, "fallback-" + suffix);
        setValue(dialog.stageCount, 2);
        assertThat(dialog.stages.get(1).reviewerRule.isVisible()).isTrue();
        assertThat(dialog.stages.get(2).reviewerRule.isVisible()).isFalse();
        setValue(dialog.stages.get(0).reviewerRule, CampaignForm.ReviewerRule.NAMED);
        setValue(dialog.stages.get(0).namedReviewer, "first-" + suffix);
        setValue(dialog.stages.get(1).reviewerRule, CampaignForm.ReviewerRule.NAMED);
        setValue(dialog.stages.get(1).namedReviewer, "second-" + suffix);
        setValue(dialog.stageRule, CampaignForm.StageRule.LAST_STAGE_DECIDES);
        setValue(dialog.escalation, CampaignForm.Escalation.CAMPAIGN_OWNER);
        setValue(dialog.reminderDays, "next week");
        _click(dialog.save);
        assertThat(dialog.reminderDays.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(GridKt._findAll(view.grid)).extracting(Campaign::name).doesNotContain(name);
        setValue(dialog.reminderDays, "7, 1");
        java.time.LocalDate secondDue = dialog.stages.get(1).due.getValue();
        setValue(dialog.stages.get(1).due, dialog.stages.get(0).due.getValue().minusDays(1));
        _click(dialog.save);
        assertThat(dialog.stages.get(1).due.isInvalid()).isTrue();
        assertThat(dialog.stages.get(1).due.getErrorMessage()).isEqualTo("Stage 2 must be due after stage 1");
        assertThat(dialog.isOpened()).isTrue();
        setValue(dialog.stages.get(1).due, secondDue);
        _click(dialog.save);

        Campaign draft = campaign(view, name);
        assertThat(draft.definition().stages()).extracting(CampaignForm.Stage::namedReviewer).containsExactly("first-" + suffix, "second-" + suffix);
        assertThat(draft.definition().reminderDays()).containsExactly(7, 1);
        assertThat(draft.definition().escalation()).isEqualTo(CampaignForm.Escalation.CAMPAIGN_OWNER);
        _click(action(view, name, "Launch…"));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(view.question);
        assertThat(CampaignsView.status(campaign(view, name))).isEqualTo("active · stage 1 of 2");

        _click(action(view, name, "Next stage…"));
        StagePreviewDialog preview = _get(StagePreviewDialog.class);
        assertThat(GridKt._findAll(preview.grid)).extracting(l -> l.goingOn()).containsExactly(2);
        _click(preview.confirm);
        assertThat(CampaignsView.status(campaign(view, name))).isEqualTo("active · stage 2 of 2");
        assertThat(GridKt._getCellComponent(view.grid, GridKt._findAll(view.grid).stream().map(Campaign::name).toList().indexOf(name), "actions")
                .getChildren().map(c -> ((Button) c).getText()).toList()).doesNotContain("Next stage…").contains("Close…", "Report");
    }
}

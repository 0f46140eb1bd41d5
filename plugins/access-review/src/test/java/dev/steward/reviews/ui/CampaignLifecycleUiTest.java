package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
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
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Launching asks first and says what it freezes; a draft can be deleted; closing early with most items open warns. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CampaignLifecycleUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private Campaign draft(SystemInfo system, String name) {
        return bean(CampaignService.class).create(CampaignForm.oneStage(name, null, List.of(system.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.NAMED, "olga-" + suffix, "olga-" + suffix, CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(7))));
    }

    private Button action(CampaignsView view, Campaign campaign, String text) {
        int row = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(campaign.id());
        return _get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText(text));
    }

    @Test
    void a_draft_is_deleted_after_a_question_and_a_launch_says_what_it_freezes_and_an_early_close_warns() {
        loginAs("olga-" + suffix, Role.SECURITY_ANALYST);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\nben,VIEW\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        Campaign mistake = draft(wiki, "Mistake " + suffix);
        Campaign review = draft(wiki, "Wiki review " + suffix);

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        _click(action(view, mistake, "Delete…"));
        ConfirmDialogKt._fireConfirm(view.question);
        assertThat(GridKt._findAll(view.grid)).extracting(Campaign::id).doesNotContain(mistake.id()).contains(review.id());

        _click(action(view, review, "Launch…"));
        assertThat(ConfirmDialogKt._getText(view.question)).contains("frozen now from the current snapshots of Wiki " + suffix)
                .contains("every reviewer is told at once");
        assertThat(bean(CampaignService.class).find(review.id()).orElseThrow().status()).as("nothing until confirmed")
                .isEqualTo(Campaign.Status.DRAFT);
        ConfirmDialogKt._fireConfirm(view.question);
        Campaign launched = bean(CampaignService.class).find(review.id()).orElseThrow();
        assertThat(launched.status()).isEqualTo(Campaign.Status.ACTIVE);
        assertThatThrownBy(() -> bean(CampaignService.class).deleteDraft(launched.id(), launched.version()))
                .hasMessage("Only a draft can be deleted; a launched campaign is evidence and stays");

        _click(action(view, launched, "Close…"));
        ClosePreviewDialog close = _get(ClosePreviewDialog.class);
        assertThat(close.earlyWarning.isVisible()).isTrue();
        assertThat(close.earlyWarning.getText()).contains("2 of its 2 items are still undecided");
        assertThat(close.confirm.getText()).isEqualTo("Close early anyway");
    }

    private SystemInfo wikiWithTwoGrants() {
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\nben,VIEW\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        return wiki;
    }

    @Test
    void a_draft_opens_in_the_campaign_dialog_with_its_definition_and_saves_its_changes_and_only_a_draft_can_be_edited() {
        loginAs("olga-" + suffix, Role.SECURITY_ANALYST);
        SystemInfo wiki = wikiWithTwoGrants();
        Campaign draft = draft(wiki, "Wiki draft " + suffix);

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        _click(action(view, draft, "Edit"));
        CampaignDialog dialog = _get(CampaignDialog.class);
        assertThat(dialog.name.getValue()).isEqualTo("Wiki draft " + suffix);
        assertThat(dialog.stages.getFirst().reviewerRule.getValue()).isEqualTo(CampaignForm.ReviewerRule.NAMED);
        assertThat(dialog.stages.getFirst().namedReviewer.getValue()).isEqualTo("olga-" + suffix);
        // the dialog works in days: a campaign is due at the end of its last day
        Instant endOfDueDay = draft.definition().dueAt().atZone(dev.steward.platform.ui.DisplayTime.zone()).toLocalDate().plusDays(1)
                .atStartOfDay(dev.steward.platform.ui.DisplayTime.zone()).toInstant();
        assertThat(dialog.stages.getFirst().toStage().dueAt()).isEqualTo(endOfDueDay);
        assertThat(dialog.sensitiveNoResponse.getValue()).isEqualTo(CampaignForm.NoResponse.REVOKE);

        dialog.escalationDays.setValue(0);
        _click(dialog.save);
        assertThat(dialog.escalationDays.isInvalid()).isTrue();
        assertThat(bean(CampaignService.class).find(draft.id()).orElseThrow()).as("nothing saved").isEqualTo(draft);

        dialog.name.setValue("Wiki review " + suffix);
        dialog.escalationDays.setValue(5);
        dialog.sensitiveNoResponse.setValue(CampaignForm.NoResponse.KEEP);
        _click(dialog.save);
        Campaign saved = bean(CampaignService.class).find(draft.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Wiki review " + suffix);
        assertThat(saved.definition().escalationDays()).isEqualTo(5);
        assertThat(saved.definition().sensitiveNoResponse()).isEqualTo(CampaignForm.NoResponse.KEEP);
        assertThat(saved.definition().stages()).containsExactly(new CampaignForm.Stage(CampaignForm.ReviewerRule.NAMED, "olga-" + suffix,
                endOfDueDay));

        // a campaign due at the end of a day is shown as that day, not as the next day's midnight
        view.refresh();
        int savedRow = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(saved.id());
        assertThat(GridKt._getFormattedRow(view.grid, savedRow)).contains("end of " + java.time.format.DateTimeFormatter
                .ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).format(endOfDueDay.atZone(dev.steward.platform.ui.DisplayTime.zone())
                        .toLocalDate().minusDays(1)));

        Campaign launched = bean(CampaignService.class).launch(saved.id(), saved.version());
        view.refresh();
        int row = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(launched.id());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(GridKt._getCellComponent(view.grid, row, "actions"), Button.class))
                .extracting(Button::getText).doesNotContain("Edit");
    }

    @Test
    void the_close_preview_warns_when_privileged_items_nobody_decided_would_be_kept() {
        loginAs("olga-" + suffix, Role.SECURITY_ANALYST);
        SystemInfo wiki = wikiWithTwoGrants();
        bean(SystemService.class).setPrivileged(wiki.id(), "EDIT", true);
        CampaignForm keepAll = draft(wiki, "Keep " + suffix).definition();
        Campaign draft = bean(CampaignService.class).create(new CampaignForm("Keep all " + suffix, null, keepAll.systemIds(), null,
                false, false, List.of(), keepAll.fallbackReviewer(), CampaignForm.NoResponse.KEEP, keepAll.startsAt(), keepAll.stages(),
                keepAll.stageRule(), keepAll.reminderDays(), keepAll.escalation(), CampaignForm.NoResponse.KEEP, 3));
        Campaign launched = bean(CampaignService.class).launch(draft.id(), draft.version());

        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        _click(action(view, launched, "Close…"));
        ClosePreviewDialog close = _get(ClosePreviewDialog.class);
        assertThat(close.rules.getText()).startsWith("Undecided items: keep the access; privileged or flagged ones: keep the access.");
        assertThat(close.sensitiveWarning.isVisible()).isTrue();
        assertThat(close.sensitiveWarning.getText()).startsWith("2 privileged or flagged item(s) nobody decided will be kept");
        assertThat(GridKt._getFormattedRow(close.grid, 0)).containsExactly("Wiki " + suffix, "2", "2", "0", "2", "2"); // both accounts are orphans
    }
}

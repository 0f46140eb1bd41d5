package dev.steward.reviews.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** An auditor opens a campaign's report and downloads its evidence pack; they cannot launch or close anything. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CampaignReportUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private Campaign launched() {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\nben,VIEW\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        CampaignService campaigns = bean(CampaignService.class);
        Campaign draft = campaigns.create(CampaignForm.oneStage("Wiki review " + suffix, null, List.of(wiki.id()), null, false, false,
                List.of(), CampaignForm.ReviewerRule.NAMED, "setup-reviewer", "setup", CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(7))));
        Campaign campaign = campaigns.launch(draft.id(), draft.version());
        logout();
        return campaign;
    }

    @Test
    void an_auditor_reads_the_report_and_downloads_the_evidence_pack() throws Exception {
        Campaign campaign = launched();
        loginAs("audrey-" + suffix, Role.AUDITOR);
        UI.getCurrent().navigate(CampaignsView.class);
        CampaignsView view = _get(CampaignsView.class);
        assertThat(view.create.isVisible()).isFalse();
        int row = GridKt._findAll(view.grid).stream().map(Campaign::id).toList().indexOf(campaign.id());
        var actions = GridKt._getCellComponent(view.grid, row, "actions");
        assertThat(_find(actions, Button.class)).extracting(Button::getText).containsExactly("Items", "Report");

        // every item, filtered in SQL
        _click(_get(actions, Button.class, spec -> spec.withText("Items")));
        CampaignItemsDialog itemsDialog = _get(CampaignItemsDialog.class);
        assertThat(GridKt._findAll(itemsDialog.grid)).extracting(dev.steward.reviews.decisions.ReviewItem::accountName)
                .containsExactly("ann", "ben");
        setValue(itemsDialog.outcome, dev.steward.reviews.decisions.ReviewItem.Outcome.APPROVED);
        assertThat(GridKt._findAll(itemsDialog.grid)).isEmpty();
        setValue(itemsDialog.outcome, dev.steward.reviews.decisions.ReviewItem.Outcome.PENDING);
        setValue(itemsDialog.reviewer, "setup-reviewer");
        assertThat(GridKt._findAll(itemsDialog.grid)).hasSize(2);
        setValue(itemsDialog.flaggedOnly, true); // both accounts are orphans: no person in the directory
        assertThat(GridKt._findAll(itemsDialog.grid)).hasSize(2);
        assertThat(GridKt._getFormatted(itemsDialog.grid, 0, "flags")).as("the words My reviews uses, not the code")
                .isEqualTo(MyReviewsView.flags(GridKt._get(itemsDialog.grid, 0))).contains("orphan account").doesNotContain("orphan,");
        setValue(itemsDialog.reviewer, "someone-else");
        assertThat(GridKt._findAll(itemsDialog.grid)).isEmpty();
        itemsDialog.close();

        _click(_get(actions, Button.class, spec -> spec.withText("Report")));
        CampaignReportDialog dialog = _get(CampaignReportDialog.class);
        List<Map.Entry<String, String>> measures = GridKt._findAll(dialog.measures);
        assertThat(measures).contains(Map.entry("Items", "2"), Map.entry("Pending", "2"), Map.entry("Reviewers", "1"),
                Map.entry("Items reviewed by a person", "0 of 2 (0 %)"), Map.entry("Decided by the no-response rule", "0 (kept 0, revoked 0)"));

        _click(dialog.evidence);
        dialog.export.completion().get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        List<String> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dialog.export.file().orElseThrow()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                files.add(e.getName());
            }
        }
        assertThat(files).containsExactly("items.csv", "decisions.csv", "remediation.csv", "summary.pdf", "manifest.sha256");
    }
}

package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.remediation.RemediationItem;
import dev.steward.reviews.remediation.RemediationService;
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

/** The person removing access marks a revocation done with its ticket and reads its history; an auditor only reads. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class RemediationUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    /** A closed campaign whose no-response rule revoked the wiki's two grants. */
    private SystemInfo revoked() {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport imports = bean(AccessImport.class);
        byte[] file = "account,entitlement\nann,EDIT\nben,VIEW\n".getBytes(StandardCharsets.UTF_8);
        imports.commit(wiki.id(), file, "wiki.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        CampaignService campaigns = bean(CampaignService.class);
        Campaign draft = campaigns.create(CampaignForm.oneStage("Wiki review " + suffix, null, List.of(wiki.id()), null, false, false,
                List.of(), CampaignForm.ReviewerRule.NAMED, "setup-reviewer", "setup", CampaignForm.NoResponse.REVOKE, Instant.now(),
                Instant.now().plus(Duration.ofDays(7))));
        Campaign launched = campaigns.launch(draft.id(), draft.version());
        campaigns.close(launched.id(), campaigns.find(launched.id()).orElseThrow().version());
        return wiki;
    }

    @Test
    void marking_a_revocation_done_asks_for_the_ticket_and_the_history_keeps_every_mark() {
        SystemInfo wiki = revoked();
        loginAs("rita-" + suffix, Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(RemediationView.class);
        RemediationView view = _get(RemediationView.class);
        view.system.setValue(wiki);
        List<RemediationItem> rows = GridKt._findAll(view.grid);
        int ann = rows.stream().map(RemediationItem::accountName).toList().indexOf("ann");

        _click(_get(GridKt._getCellComponent(view.grid, ann, "actions"), Button.class, spec -> spec.withText("Done")));
        CommentDialog ticket = _get(CommentDialog.class);
        assertThat(ticket.comment.getLabel()).isEqualTo("Ticket or change reference");
        _click(ticket.confirm);
        assertThat(ticket.comment.isInvalid()).as("a done mark without its ticket is refused").isTrue();
        ticket.comment.setValue("CHG-" + suffix);
        _click(ticket.confirm);

        RemediationItem marked = GridKt._findAll(view.grid).stream().filter(i -> i.accountName().equals("ann")).findFirst().orElseThrow();
        assertThat(marked.status()).isEqualTo(RemediationItem.Status.DONE);
        assertThat(marked.note()).isEqualTo("CHG-" + suffix);

        ann = GridKt._findAll(view.grid).stream().map(RemediationItem::accountName).toList().indexOf("ann");
        _click(_get(GridKt._getCellComponent(view.grid, ann, "actions"), Button.class, spec -> spec.withText("History")));
        @SuppressWarnings("unchecked")
        Grid<RemediationService.Mark> marks = _get(view.historyDialog, Grid.class);
        assertThat(GridKt._size(marks)).isEqualTo(1);
        assertThat(GridKt._findAll(marks)).extracting(m -> m.status() + " " + m.markedBy() + " " + m.note())
                .containsExactly("DONE rita-" + suffix + " CHG-" + suffix);
    }

    @Test
    void an_auditor_reads_the_history_but_has_no_mark_buttons_and_the_service_refuses_a_mark() {
        SystemInfo wiki = revoked();
        loginAs("audrey-" + suffix, Role.AUDITOR);
        UI.getCurrent().navigate(RemediationView.class);
        RemediationView view = _get(RemediationView.class);
        view.system.setValue(wiki);
        RemediationItem first = GridKt._findAll(view.grid).getFirst();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(GridKt._getCellComponent(view.grid, 0, "actions"), Button.class))
                .extracting(Button::getText).containsExactly("History");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bean(RemediationService.class)
                        .mark(first.id(), first.version(), RemediationItem.Status.DONE, "CHG-1"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}

package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.steward.platform.security.Role;
import dev.steward.reviews.CompanyTestBase;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.integration.ReviewStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the dashboard's "Overdue reviewers" card is capped, and there is no other page of late reviewers, so the
 * card says how many it shows of how many and shows all of them when asked.
 */
class OverdueReviewersCardTest extends CompanyTestBase {

    @Test
    void more_late_reviewers_than_the_card_shows_are_counted_and_all_shown_when_asked() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        for (int i = 1; i <= 3; i++) { // each campaign has two late reviewers: maria and fiona
            Campaign campaign = launch("Late review " + i);
            dsl.execute("update reviews.campaign_stage set due_at = now() - interval '2 days' where campaign_id = ?", campaign.id());
        }
        int late = bean(ReviewStats.class).overdueReviewers(ReviewWidgets.OVERDUE_LISTED).size();
        assertThat(late).isGreaterThanOrEqualTo(6);

        Component card = bean(ReviewWidgets.class).overdueReviewers(bean(ReviewStats.class)).create();
        assertThat(texts(card)).contains(ReviewWidgets.OVERDUE_SHOWN + " of " + late + " late reviewers");
        assertThat(rows(card)).hasSize(ReviewWidgets.OVERDUE_SHOWN);

        Button all = card.getChildren().filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow();
        assertThat(all.getText()).isEqualTo("Show all " + late);
        all.click();
        assertThat(rows(card)).hasSize(late);
        assertThat(texts(card)).contains(late + " late reviewers");
        assertThat(all.isVisible()).isFalse();
    }

    private Campaign launch(String name) {
        Campaign draft = campaigns.create(CampaignForm.oneStage(name, null, List.of(erp.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, company.user("fiona"), CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(14))));
        return campaigns.launch(draft.id(), draft.version());
    }

    private static List<String> texts(Component card) {
        return card.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c).getText()).toList();
    }

    private static List<String> rows(Component card) {
        return texts(card).stream().filter(t -> t.contains(" pending in ")).toList();
    }
}

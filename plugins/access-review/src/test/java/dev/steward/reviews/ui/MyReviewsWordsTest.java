package dev.steward.reviews.ui;

import dev.steward.reviews.decisions.ReviewItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words My reviews gives an item's flags. */
class MyReviewsWordsTest {

    private static ReviewItem item(List<String> flags, int escalationLevel) {
        return new ReviewItem(1, 1, "ERP", "ghost", null, null, "GL_VIEW", null, false, flags, "REVOKE", "orphan account",
                "maria", null, ReviewItem.Outcome.PENDING, null, null, null, false, 1, escalationLevel, null, 0);
    }

    @Test
    void an_escalated_item_says_so_first() {
        assertThat(MyReviewsView.flags(item(List.of("ORPHAN"), 1))).isEqualTo("escalated to you, orphan account");
        assertThat(MyReviewsView.flags(item(List.of(), 2))).isEqualTo("escalated to you");
        assertThat(MyReviewsView.flags(item(List.of("ORPHAN"), 0))).isEqualTo("orphan account");
    }

    @Test
    void a_campaigns_items_name_the_flags_in_the_words_of_my_reviews() {
        assertThat(FlagWords.of(item(List.of("SOD", "TERMINATED"), 1), "escalated")).isEqualTo("escalated, SoD conflict, person left");
        assertThat(FlagWords.of(item(List.of("ORPHAN"), 0), "escalated")).isEqualTo(MyReviewsView.flags(item(List.of("ORPHAN"), 0)));
    }
}

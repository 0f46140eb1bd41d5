package dev.steward.platform.ui;

import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words a screen uses to say who may take an action it hides or disables. */
class WhoCanTest {

    @Test
    void one_role_is_named_with_its_article() {
        WhoCan assess = new WhoCan(false, List.of(Role.PRIVACY_OFFICER));
        assertThat(assess.subject() + " assesses the risk").isEqualTo("A privacy officer assesses the risk");
        assertThat(new WhoCan(false, List.of(Role.ADMIN)).who()).isEqualTo("an administrator");
    }

    @Test
    void several_roles_are_joined_with_or_and_the_auditors_read_only_mark_is_left_out() {
        WhoCan upload = new WhoCan(false, List.of(Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST));
        assertThat(upload.onlyCan("upload files")).isEqualTo("Only a privacy officer or a security analyst can upload files");
        assertThat(new WhoCan(true, List.of(Role.MANAGER, Role.SECURITY_ANALYST, Role.AUDITOR)).who())
                .isEqualTo("a manager, a security analyst or an auditor");
    }

    @Test
    void an_action_no_role_holds_says_only_that_the_user_may_not() {
        assertThat(new WhoCan(false, List.of()).onlyCan("add files here")).isEqualTo("You may not add files here");
    }

    @Test
    void the_note_shows_only_to_a_user_who_may_not_and_a_disabled_button_carries_the_reason() {
        assertThat(new WhoCan(true, List.of(Role.ADMIN)).note("reason").isVisible()).isFalse();
        WhoCan refused = new WhoCan(false, List.of(Role.ADMIN));
        assertThat(refused.note("reason").isVisible()).isTrue();
        com.vaadin.flow.component.button.Button button = new com.vaadin.flow.component.button.Button("Delete");
        refused.apply(button, refused.onlyCan("delete"));
        assertThat(button.isEnabled()).isFalse();
        assertThat(button.getTooltip().getText()).isEqualTo("Only an administrator can delete");
    }

    @Test
    void someone_named_besides_the_roles_is_said_last() {
        WhoCan edit = new WhoCan(false, List.of(Role.PRIVACY_OFFICER)).and("the vendor's business owner");
        assertThat(edit.onlyCan("change this vendor")).isEqualTo("Only a privacy officer or the vendor's business owner can change this vendor");
    }
}

package dev.steward.dsr.ui;

import com.vaadin.flow.component.UI;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.TestMailbox;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.Sha256;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.dsr.db.Tables.PENDING_SUBMISSION;
import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public request page as an anonymous visitor uses it: the form, the code mailed over SMTP, a wrong code, a code
 * that ran out, and the right code opening the request; nothing typed is ever shown back.
 */
@SpringBootTest(classes = ConsoleTestApplication.class)
class PublicRequestPageUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    DSLContext dsl;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String email = "rosa." + suffix + "@example.org";
    final String name = "Rosa Diaz " + suffix;

    @BeforeAll
    static void smtp() {
        TestMailbox.start();
    }

    @BeforeEach
    void anonymous() {
        logout();
    }

    private PublicRequestView page() {
        UI.getCurrent().navigate("privacy-request");
        PublicRequestView page = _get(PublicRequestView.class);
        page.clientAddress = "10.0." + suffix; // each test its own client for the rate limit
        return page;
    }

    private void fill(PublicRequestView page) {
        setValue(page.name, name);
        setValue(page.email, email);
        setValue(page.jurisdiction.country, "US");
        setValue(page.jurisdiction.state, "CA");
        setValue(page.types, Set.of(RequestType.ACCESS_CATEGORIES, RequestType.DELETION));
        setValue(page.details, "Customer number " + suffix);
    }

    @Test
    void a_visitor_confirms_with_the_mailed_code_after_a_wrong_one_and_the_request_is_opened_from_the_web() {
        PublicRequestView page = page();
        fill(page);
        page.send.click();
        assertThat(page.message.getText()).isEqualTo(PublicRequestView.SENT);
        assertThat(page.codeStep.isVisible()).isTrue();
        String code = TestMailbox.latestCode(email);
        assertThat(requests()).isZero();

        String wrong = code.equals("000000") ? "111111" : "000000";
        setValue(page.code, wrong);
        page.confirm.click();
        assertThat(page.code.isInvalid()).isTrue();
        assertThat(page.code.getErrorMessage()).isEqualTo("This is not the code we sent: 4 tries left");
        assertThat(requests()).isZero();

        setValue(page.code, code);
        page.confirm.click();
        assertThat(page.message.getText()).isEqualTo(PublicRequestView.CONFIRMED);
        var opened = dsl.selectFrom(REQUEST).where(REQUEST.REQUESTER_EMAIL.eq(email)).fetchOne();
        assertThat(opened.getChannel()).isEqualTo(Channel.WEB);
        assertThat(opened.getJurisdiction()).isEqualTo("US-CA");
        assertThat(opened.getRequesterName()).isEqualTo(name);
        assertThat(opened.getReceivedVia()).isEqualTo("Public request page");
        assertThat(TestMailbox.to(email)).as("the code, then the receipt with the reference").hasSize(2);
        assertThat(pageText(page)).doesNotContain(name).doesNotContain(email).doesNotContain(suffix);
    }

    @Test
    void a_code_typed_after_30_minutes_opens_nothing_and_the_visitor_starts_again() {
        PublicRequestView page = page();
        fill(page);
        page.send.click();
        String code = TestMailbox.latestCode(email);
        String handle = Sha256.hex(page.handle);
        dsl.update(PENDING_SUBMISSION).set(PENDING_SUBMISSION.EXPIRES_AT, Instant.now().minusSeconds(1))
                .where(PENDING_SUBMISSION.HANDLE_HASH.eq(handle)).execute();
        setValue(page.code, code);
        page.confirm.click();
        assertThat(page.message.getText()).isEqualTo(PublicRequestView.EXPIRED);
        assertThat(page.send.isVisible()).isTrue();
        assertThat(requests()).isZero();
        assertThat(dsl.fetchCount(PENDING_SUBMISSION, PENDING_SUBMISSION.HANDLE_HASH.eq(handle))).as("deleted with its data").isZero();
    }

    @Test
    void five_wrong_codes_use_the_submission_up() {
        PublicRequestView page = page();
        fill(page);
        page.send.click();
        String code = TestMailbox.latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            setValue(page.code, wrong);
            page.confirm.click();
        }
        assertThat(page.message.getText()).isEqualTo(PublicRequestView.EXPIRED);
        assertThat(requests()).isZero();
    }

    @Test
    void each_bad_field_is_named_without_repeating_what_was_typed_and_nothing_is_mailed() {
        PublicRequestView page = page();
        page.send.click();
        assertThat(page.name.isInvalid()).isTrue();
        assertThat(page.email.isInvalid()).isTrue();
        assertThat(page.jurisdiction.isInvalid()).isTrue();
        assertThat(page.types.isInvalid()).isTrue();

        String secret = "not-an-address-" + suffix;
        setValue(page.name, "x".repeat(201));
        setValue(page.email, secret);
        setValue(page.jurisdiction.country, "US"); // no state
        setValue(page.types, Set.of(RequestType.OPT_OUT_SALE));
        setValue(page.details, "d".repeat(10_001));
        setValue(page.onBehalf, OnBehalf.AGENT); // and no agent named
        page.send.click();
        assertThat(page.name.getErrorMessage()).isEqualTo("At most 200 characters");
        assertThat(page.email.getErrorMessage()).isEqualTo("Not an email address: it needs a name, an @ and a domain");
        assertThat(page.jurisdiction.getErrorMessage()).contains("the state for the United States");
        assertThat(page.types.isInvalid()).isFalse();
        assertThat(page.details.getErrorMessage()).isEqualTo("At most 10000 characters");
        assertThat(page.agentName.getErrorMessage()).isEqualTo("Give your own name, as you make the request for someone else");
        assertThat(page.message.getText()).doesNotContain(secret);
        assertThat(TestMailbox.to(secret)).isEmpty();
        assertThat(page.codeStep.isVisible()).isFalse();
    }

    @Test
    void the_fourth_request_for_one_email_address_within_the_hour_is_refused_without_naming_it() {
        for (int i = 0; i < 3; i++) {
            PublicRequestView page = page();
            page.clientAddress = "10.1." + i + "." + suffix;
            fill(page);
            page.send.click();
            assertThat(page.message.getText()).isEqualTo(PublicRequestView.SENT);
        }
        PublicRequestView page = page();
        fill(page);
        page.send.click();
        assertThat(page.message.getText()).startsWith("Too many requests were sent for this email address").doesNotContain(email);
        assertThat(page.codeStep.isVisible()).isFalse();
        assertThat(TestMailbox.to(email)).hasSize(3);
    }

    @Test
    void the_page_is_closed_while_the_plugin_is_disabled() {
        registry.setEnabled(DsrPermissions.PLUGIN_ID, false, "test");
        try {
            PublicRequestView page = page();
            assertThat(pageText(page)).contains(PublicRequestView.UNAVAILABLE);
            assertThat(page.send.isAttached()).isFalse();
        } finally {
            registry.setEnabled(DsrPermissions.PLUGIN_ID, true, "test");
        }
    }

    private int requests() {
        return dsl.fetchCount(REQUEST, REQUEST.REQUESTER_EMAIL.eq(email));
    }

    private static String pageText(PublicRequestView page) {
        return page.getElement().getTextRecursively() + " " + page.getElement().getOuterHTML();
    }
}

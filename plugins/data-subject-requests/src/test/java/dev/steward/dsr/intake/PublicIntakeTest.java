package dev.steward.dsr.intake;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.TestMailbox;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.Sha256;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static dev.steward.dsr.db.Tables.INTAKE_MAILBOX;
import static dev.steward.dsr.db.Tables.PENDING_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public intake's rules behind the page: the rate limit per client address, the purge of unconfirmed submissions, mailboxes. */
class PublicIntakeTest extends DsrTestBase {

    @BeforeAll
    static void smtp() {
        TestMailbox.start();
    }

    private PublicSubmission submission(String email) {
        return new PublicSubmission("Rosa Diaz " + suffix, email, "DE", EnumSet.of(RequestType.ACCESS_SPECIFIC), null, OnBehalf.SELF, null);
    }

    @Test
    void a_flood_from_one_client_address_is_cut_off_after_ten_submissions_in_the_hour_and_the_rest_get_no_mail() {
        String address = "192.0.2." + suffix;
        for (int i = 0; i < IntakeThrottle.PER_ADDRESS_PER_HOUR; i++) {
            bean(PublicIntake.class).submit(submission("flood" + i + "." + suffix + "@example.org"), address);
        }
        for (int i = 0; i < 20; i++) {
            String email = "late" + i + "." + suffix + "@example.org";
            assertThatThrownBy(() -> bean(PublicIntake.class).submit(submission(email), address))
                    .isInstanceOf(SubmissionRefused.class)
                    .hasMessage("Too many requests were sent from your network in the last hour. Please try again in an hour.");
            assertThat(TestMailbox.to(email)).isEmpty();
        }
        assertThat(TestMailbox.to("flood9." + suffix + "@example.org")).hasSize(1);
        // another client is not held up by the flood
        bean(PublicIntake.class).submit(submission("other." + suffix + "@example.org"), "198.51.100." + suffix);
    }

    @Test
    void a_submission_whose_code_ran_out_is_deleted_by_the_purge_with_its_personal_data() {
        String handle = bean(PublicIntake.class).submit(submission("purge." + suffix + "@example.org"), "203.0.113." + suffix);
        var mine = PENDING_SUBMISSION.HANDLE_HASH.eq(Sha256.hex(handle));
        assertThat(dsl.fetchOne(PENDING_SUBMISSION, mine).getSubmission()).as("kept until confirmed or expired").contains(suffix);
        assertThat(dsl.fetchOne(PENDING_SUBMISSION, mine).getCodeHash()).doesNotContain(TestMailbox.latestCode("purge." + suffix + "@example.org"));
        loginAsOfficer();
        bean(PublicIntake.class).purgeExpired(Instant.now());
        assertThat(dsl.fetchCount(PENDING_SUBMISSION, mine)).as("not yet expired").isOne();
        bean(PublicIntake.class).purgeExpired(Instant.now().plus(PublicIntake.CODE_VALID));
        assertThat(dsl.fetchCount(PENDING_SUBMISSION, mine)).isZero();
    }

    @Test
    void a_code_that_is_not_six_digits_is_refused_on_its_field_without_using_a_try() {
        assertThatThrownBy(() -> bean(PublicIntake.class).confirm("no-such-handle", "12a456", "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("6 digits");
        assertThat(bean(PublicIntake.class).confirm("no-such-handle", "123456", "x").outcome()).isEqualTo(PublicIntake.Outcome.EXPIRED);
    }

    @Test
    void a_published_mailbox_is_listed_once_in_lower_case_and_a_bad_one_is_refused_on_its_field() {
        loginAsOfficer();
        Mailboxes mailboxes = bean(Mailboxes.class);
        Mailboxes.Mailbox added = mailboxes.add("Privacy." + suffix + "@WicresoftInternational.com", "International policy");
        assertThat(added.address()).isEqualTo("privacy." + suffix + "@wicresoftinternational.com");
        assertThat(mailboxes.list()).contains(added);
        assertThatThrownBy(() -> mailboxes.add("privacy." + suffix + "@wicresoftinternational.com", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("This address is already listed");
        assertThatThrownBy(() -> mailboxes.add("privacy-at-example", null))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).problems().getFirst().field())
                .isEqualTo("address");
        mailboxes.remove(added.id());
        assertThat(dsl.fetchCount(INTAKE_MAILBOX, INTAKE_MAILBOX.ID.eq(added.id()))).isZero();
    }
}

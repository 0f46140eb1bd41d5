package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OutsideMail;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.Sha256;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static dev.steward.dsr.db.Tables.PENDING_SUBMISSION;

/**
 * The public request page's two steps. A submission is checked, rate-limited and kept aside while a 6-digit code goes
 * to the email address given; typing the code within 30 minutes (5 tries) opens the request. Pending submissions are
 * written with set-based SQL: they are not business records until confirmed, and must leave no copy in the audit log
 * when they expire. Only hashes of the page's handle and of the code are stored.
 */
@Service
public class PublicIntake {

    static final Duration CODE_VALID = Duration.ofMinutes(30);
    static final int MAX_ATTEMPTS = 5;
    static final String RECEIVED_VIA = "Public request page";

    /** How a code was taken. */
    public enum Outcome { OPENED, WRONG_CODE, EXPIRED }

    /** @param attemptsLeft tries left after a wrong code */
    public record Confirmation(Outcome outcome, int attemptsLeft) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;
    private final IntakeThrottle throttle;
    private final OutsideMail mail;
    private final RightsRequests requests;

    PublicIntake(DSLContext dsl, IntakeThrottle throttle, OutsideMail mail, RightsRequests requests) {
        this.dsl = dsl;
        this.throttle = throttle;
        this.mail = mail;
        this.requests = requests;
    }

    /** Nothing to do: the platform refuses this call, like every other, while the plugin is disabled (the page asks). */
    @PreAuthorize(DsrPermissions.ANYONE)
    public void available() {
    }

    /**
     * Keeps the submission aside and mails its code; returns the page's handle to it (kept by the page, never shown).
     * Bad fields are named all at once; a rate limit or an SMTP failure refuses the whole and keeps nothing.
     */
    @PreAuthorize(DsrPermissions.ANYONE)
    @Transactional
    public String submit(PublicSubmission submission, String clientAddress) {
        PublicSubmission s = SubmissionCheck.checked(submission);
        Instant now = Instant.now();
        throttle.check(clientAddress, s.email(), now);
        String handle = random(32);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        dsl.insertInto(PENDING_SUBMISSION).set(PENDING_SUBMISSION.HANDLE_HASH, Sha256.hex(handle))
                .set(PENDING_SUBMISSION.CODE_HASH, codeHash(handle, code))
                .set(PENDING_SUBMISSION.SUBMISSION, JSON.writeValueAsString(s))
                .set(PENDING_SUBMISSION.CREATED_AT, now).set(PENDING_SUBMISSION.EXPIRES_AT, now.plus(CODE_VALID)).execute();
        throttle.record(clientAddress, s.email(), now);
        if (!mail.send(s.email(), "Your code for your privacy request", """
                Someone, we hope you, asked us to act on personal data and gave this email address.

                Your code is %s. Type it on the request page within 30 minutes to send the request.

                If it was not you, ignore this mail: without the code nothing is sent.""".formatted(code))) {
            throw new SubmissionRefused("We could not send the code just now. Please try again in a few minutes.");
        }
        return handle;
    }

    /** Takes the code typed for the submission behind {@code handle}; the right code opens the request. */
    @PreAuthorize(DsrPermissions.ANYONE)
    @Transactional
    public Confirmation confirm(String handle, String code, String clientAddress) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("\\d{6}")) {
            throw new InvalidInputException("code", "Type the 6 digits of the code we sent");
        }
        Instant now = Instant.now();
        var pending = handle == null ? null : dsl.selectFrom(PENDING_SUBMISSION)
                .where(PENDING_SUBMISSION.HANDLE_HASH.eq(Sha256.hex(handle))).forUpdate().fetchOne();
        if (pending == null || !pending.getExpiresAt().isAfter(now)) {
            forget(pending);
            return new Confirmation(Outcome.EXPIRED, 0);
        }
        if (!pending.getCodeHash().equals(codeHash(handle, typed))) {
            int attempts = pending.getAttempts() + 1;
            if (attempts >= MAX_ATTEMPTS) {
                forget(pending);
                return new Confirmation(Outcome.EXPIRED, 0);
            }
            dsl.update(PENDING_SUBMISSION).set(PENDING_SUBMISSION.ATTEMPTS, attempts)
                    .where(PENDING_SUBMISSION.ID.eq(pending.getId())).execute();
            return new Confirmation(Outcome.WRONG_CODE, MAX_ATTEMPTS - attempts);
        }
        forget(pending);
        PublicSubmission s = JSON.readValue(pending.getSubmission(), PublicSubmission.class);
        RequestForm form = new RequestForm(Channel.WEB, RECEIVED_VIA, pending.getCreatedAt(), s.jurisdiction(), s.types(),
                Requester.named(s.name(), s.email()), s.onBehalf(), s.agentName(), null, s.details());
        RightsRequest opened = IntakeAuthority.asPublicPage(clientAddress, () -> requests.open(form));
        mail.send(s.email(), "We have your privacy request " + opened.reference(), """
                Thank you: we have your request, reference %s. We will answer within the time the law and our
                privacy policy give us, and may first ask you to confirm who you are.""".formatted(opened.reference()));
        return new Confirmation(Outcome.OPENED, 0);
    }

    /** Deletes the submissions whose code ran out and the rate limit's old entries; returns how many submissions went. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public int purgeExpired(Instant now) {
        throttle.forget(now);
        return dsl.deleteFrom(PENDING_SUBMISSION).where(PENDING_SUBMISSION.EXPIRES_AT.le(now)).execute();
    }

    private void forget(dev.steward.dsr.db.tables.records.PendingSubmissionRecord pending) {
        if (pending != null) {
            dsl.deleteFrom(PENDING_SUBMISSION).where(PENDING_SUBMISSION.ID.eq(pending.getId())).execute();
        }
    }

    private static String codeHash(String handle, String code) {
        return Sha256.hex(handle + ":" + code);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}

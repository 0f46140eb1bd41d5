package dev.steward.reviews.triggers;

import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.db.tables.records.CampaignRecord;
import dev.steward.reviews.db.tables.records.ReviewTriggerRecord;
import dev.steward.reviews.db.tables.records.TriggerSettingsRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.PERSON;
import static dev.steward.reviews.db.Tables.ACCESS_GRANT;
import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.REVIEW_TRIGGER;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static dev.steward.reviews.db.Tables.TRIGGER_SETTINGS;
import static org.jooq.impl.DSL.count;

/**
 * Event-triggered micro-reviews (issue 15): a person moving to another org unit, a termination, or an incident linked to
 * a system launches a small campaign over exactly the access concerned, routed like any campaign. {@link TriggerRecorder}
 * records each trigger with the change; {@link #launchPending} (run by {@link TriggeredReviewsJob}) launches each one once,
 * or records why not. The settings say which triggers are on, how long a review runs and who owns it.
 */
@Service
public class TriggeredReviews {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TriggeredReviews.class);

    /** Triggers launched per run of the job, each in its own transaction; the rest wait for the next run. */
    static final int BATCH = 100;
    /** An incident on a system with at most this many current grants reviews all of them; on a bigger one, its privileged access. */
    static final int SMALL_SYSTEM_GRANTS = 100;
    public static final int MAX_LISTED = 500;

    private final DSLContext dsl;
    private final CampaignService campaigns;
    private final NotificationService notifications;
    private final TriggerOwners owners;
    private final TransactionTemplate transaction;

    TriggeredReviews(DSLContext dsl, CampaignService campaigns, NotificationService notifications, TriggerOwners owners,
                     TransactionTemplate transaction) {
        this.dsl = dsl;
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.owners = owners;
        this.transaction = transaction;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public TriggerSettings settings() {
        TriggerSettingsRecord s = TriggerOwners.settings(dsl);
        return new TriggerSettings(s.getMover(), s.getLeaver(), s.getIncident(), s.getDueDays(), s.getOwner(), s.getVersion());
    }

    /** The user who would own a review triggered now (the configured owner, else the first administrator), if any. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<String> currentOwner() {
        return owners.owner(TriggerOwners.settings(dsl));
    }

    /** Who may own triggered reviews: active users holding the access-review administrator permission. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional(readOnly = true)
    public List<String> ownerCandidates() {
        return owners.administrators();
    }

    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public TriggerSettings saveSettings(TriggerSettings form) {
        List<Problem> problems = new ArrayList<>();
        if (form.dueDays() < TriggerSettings.MIN_DUE_DAYS || form.dueDays() > TriggerSettings.MAX_DUE_DAYS) {
            problems.add(new Problem("dueDays", "A triggered review is due in " + TriggerSettings.MIN_DUE_DAYS + " to "
                    + TriggerSettings.MAX_DUE_DAYS + " days"));
        }
        String owner = form.owner() == null || form.owner().isBlank() ? null : form.owner().strip();
        if (owner != null && !owners.administrators().contains(owner)) {
            problems.add(new Problem("owner", owner + " is not an active user with the access-review administrator permission"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TriggerSettingsRecord r = dsl.selectFrom(TRIGGER_SETTINGS).where(TRIGGER_SETTINGS.ID.eq(1)).forUpdate().fetchSingle();
        if (r.getVersion() != form.version()) {
            throw new ConcurrentChangeException("Someone else changed these settings in the meantime; reload them and try again");
        }
        r.setMover(form.mover());
        r.setLeaver(form.leaver());
        r.setIncident(form.incident());
        r.setDueDays(form.dueDays());
        r.setOwner(owner);
        r.setVersion(r.getVersion() + 1);
        r.store(); // a record: audited by the platform
        return settings();
    }

    /** The latest triggers, newest first, at most {@link #MAX_LISTED}. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Trigger> recent(int limit) {
        return dsl.selectFrom(REVIEW_TRIGGER).orderBy(REVIEW_TRIGGER.ID.desc()).limit(Math.max(1, Math.min(limit, MAX_LISTED)))
                .fetch(TriggeredReviews::toTrigger);
    }

    /** The trigger of each triggered campaign, by campaign id (the campaigns list marks them with their reason). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Map<Long, Trigger> byCampaign() {
        return dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.CAMPAIGN_ID.isNotNull()).fetchMap(REVIEW_TRIGGER.CAMPAIGN_ID,
                TriggeredReviews::toTrigger);
    }

    /**
     * Launches the pending triggers, oldest first, at most {@link #BATCH} per call, each in its own transaction (one failing
     * holds up none of the others); returns how many campaigns were launched. Each trigger is taken with a row lock that
     * skips locked rows and only while pending, so two nodes, or two runs, launch it once.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public int launchPending(Instant now) {
        List<Long> pending = dsl.select(REVIEW_TRIGGER.ID).from(REVIEW_TRIGGER).where(REVIEW_TRIGGER.STATUS.eq(Trigger.Status.PENDING))
                .orderBy(REVIEW_TRIGGER.ID).limit(BATCH).fetch(REVIEW_TRIGGER.ID);
        int launched = 0;
        for (long id : pending) {
            try {
                launched += Boolean.TRUE.equals(transaction.execute(status -> launch(id, now))) ? 1 : 0;
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Triggered review {} could not launch: {}", id, reason);
                transaction.executeWithoutResult(status -> failed(id, now, reason));
            }
        }
        return launched;
    }

    /** One pending trigger: skipped (with the reason) or launched; false when another node took it or it was skipped. */
    private boolean launch(long triggerId, Instant now) {
        ReviewTriggerRecord t = dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.ID.eq(triggerId))
                .and(REVIEW_TRIGGER.STATUS.eq(Trigger.Status.PENDING)).forUpdate().skipLocked().fetchOne();
        if (t == null) {
            return false;
        }
        Optional<String> covered = coveredBy(t);
        if (covered.isPresent()) {
            finish(t, Trigger.Status.SKIPPED, null, covered.get(), now);
            return false;
        }
        TriggerSettingsRecord settings = TriggerOwners.settings(dsl);
        String owner = owners.owner(settings)
                .orElseThrow(() -> new IllegalStateException("No active user holds the access-review administrator permission to own the review"));
        CampaignForm form;
        if (t.getKind() == Trigger.Kind.INCIDENT) {
            var scope = dsl.select(SYSTEM.NAME, count(ACCESS_GRANT.ENTITLEMENT), count().filterWhere(ENTITLEMENT.PRIVILEGED.isTrue()))
                    .from(SYSTEM)
                    .leftJoin(ACCESS_GRANT).on(ACCESS_GRANT.SYSTEM_ID.eq(SYSTEM.ID)).and(ACCESS_GRANT.REMOVED_IMPORT.isNull())
                    .leftJoin(ENTITLEMENT).on(ENTITLEMENT.SYSTEM_ID.eq(ACCESS_GRANT.SYSTEM_ID)).and(ENTITLEMENT.NAME.eq(ACCESS_GRANT.ENTITLEMENT))
                    .where(SYSTEM.ID.eq(t.getSystemId())).groupBy(SYSTEM.NAME).fetchSingle();
            if (scope.value2() == 0) {
                finish(t, Trigger.Status.SKIPPED, null, scope.value1() + " has no current access to review", now);
                return false;
            }
            // privileged access is what an intruder uses and what an incident calls into question; on a small system, or one
            // with nothing marked privileged, every grant is reviewed rather than nothing
            boolean privilegedOnly = scope.value2() > SMALL_SYSTEM_GRANTS && scope.value3() > 0;
            form = form(t, List.of(t.getSystemId()), privilegedOnly, CampaignForm.ReviewerRule.SYSTEM_OWNER, owner, settings, now);
        } else {
            List<Long> systems = PersonAccess.systemsOf(dsl, t.getPersonId());
            if (systems.isEmpty()) {
                String name = dsl.select(PERSON.FULL_NAME).from(PERSON).where(PERSON.ID.eq(t.getPersonId())).fetchOptional(PERSON.FULL_NAME)
                        .orElse("The person");
                finish(t, Trigger.Status.SKIPPED, null, name + " holds no access on any system under review", now);
                return false;
            }
            form = form(t, systems, false, CampaignForm.ReviewerRule.MANAGER, owner, settings, now);
        }
        Campaign draft = campaigns.create(form, owner);
        if (t.getKind() != Trigger.Kind.INCIDENT) {
            CampaignRecord c = dsl.fetchSingle(CAMPAIGN, CAMPAIGN.ID.eq(draft.id()));
            c.setSubjectPersonId(t.getPersonId()); // only this person's grants (LaunchStatement.Subject)
            c.store();
        }
        Campaign launched;
        try {
            launched = campaigns.launch(draft.id(), draft.version());
        } catch (IllegalStateException nothing) {
            // their accounts matched nobody at launch (an ambiguous key): nothing to review is a skip, not a failure
            if (nothing.getMessage() != null && nothing.getMessage().startsWith("Nothing to review")) {
                throw new Skipped(nothing.getMessage());
            }
            throw nothing;
        }
        finish(t, Trigger.Status.LAUNCHED, launched.id(), launched.items() + " item(s) to review", now);
        notifications.send(new Notification(ReviewPermissions.PLUGIN_ID, "reviews.triggered-launched", owner,
                "Access review launched: " + launched.name(), launched.items() + " item(s) to review, due "
                + launched.definition().dueAt().atZone(ZoneOffset.UTC).toLocalDate() + ". " + t.getReason(),
                "reviews/campaigns", Map.of("campaign", launched.name(), "items", launched.items())));
        return true;
    }

    /** A later pending trigger of the same person reviews the same access, as it is then: this one is covered by it. */
    private Optional<String> coveredBy(ReviewTriggerRecord t) {
        if (t.getPersonId() == null) {
            return Optional.empty();
        }
        var later = REVIEW_TRIGGER.as("later");
        return dsl.select(later.ID, later.KIND).from(later)
                .where(later.PERSON_ID.eq(t.getPersonId())).and(later.STATUS.eq(Trigger.Status.PENDING)).and(later.ID.ne(t.getId()))
                .and(t.getKind() == Trigger.Kind.LEAVER ? later.KIND.eq(Trigger.Kind.LEAVER).and(later.ID.gt(t.getId()))
                        : later.KIND.eq(Trigger.Kind.LEAVER).or(later.ID.gt(t.getId())))
                .orderBy(later.ID.desc()).limit(1)
                .fetchOptional(r -> "Covered by the " + r.value2().label().toLowerCase() + " review of the same person (trigger "
                        + r.value1() + ")");
    }

    private CampaignForm form(ReviewTriggerRecord t, List<Long> systems, boolean privilegedOnly, CampaignForm.ReviewerRule rule,
                              String owner, TriggerSettingsRecord settings, Instant now) {
        return CampaignForm.oneStage(t.getCampaignName(), "Triggered: " + t.getReason(), systems, null, privilegedOnly, false, List.of(), rule,
                null, owner, CampaignForm.NoResponse.RECOMMENDATION, now, now.plus(Duration.ofDays(settings.getDueDays())));
    }

    private void finish(ReviewTriggerRecord t, Trigger.Status status, Long campaignId, String outcome, Instant now) {
        t.setStatus(status);
        t.setCampaignId(campaignId);
        t.setOutcome(TriggerRecorder.shorten(outcome, 500));
        t.setProcessedAt(now);
        t.setVersion(t.getVersion() + 1);
        t.store(); // a record: audited by the platform
    }

    /** Records why a trigger did not launch (its transaction was rolled back) and tells the owner, unless it was a skip. */
    private void failed(long triggerId, Instant now, String reason) {
        ReviewTriggerRecord t = dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.ID.eq(triggerId))
                .and(REVIEW_TRIGGER.STATUS.eq(Trigger.Status.PENDING)).forUpdate().fetchOne();
        if (t == null) {
            return;
        }
        boolean skipped = reason.startsWith(Skipped.PREFIX);
        finish(t, skipped ? Trigger.Status.SKIPPED : Trigger.Status.FAILED, null, skipped ? reason.substring(Skipped.PREFIX.length()) : reason, now);
        if (!skipped) {
            owners.owner(TriggerOwners.settings(dsl)).ifPresent(owner -> notifications.send(new Notification(ReviewPermissions.PLUGIN_ID,
                    "reviews.triggered-failed", owner, "Access review not launched: " + t.getCampaignName(),
                    "The triggered review could not launch: " + t.getOutcome() + ". " + t.getReason(), "reviews/campaigns",
                    Map.of("campaign", t.getCampaignName()))));
        }
    }

    /** Rolls a launch back as a skip: its accounts matched nobody at launch. */
    private static final class Skipped extends RuntimeException {
        static final String PREFIX = "skipped: ";

        Skipped(String reason) {
            super(PREFIX + reason, null, false, false);
        }
    }

    static Trigger toTrigger(ReviewTriggerRecord r) {
        return new Trigger(r.getId(), r.getKind(), r.getStatus(), r.getPersonId(), r.getSystemId(), r.getCampaignName(), r.getReason(),
                r.getDetectedAt(), r.getDetectedBy(), r.getCampaignId(), r.getOutcome(), r.getProcessedAt());
    }
}

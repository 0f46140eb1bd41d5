package dev.steward.reviews.campaigns;

import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.CampaignScheduleRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.CAMPAIGN_SCHEDULE;

/**
 * Campaigns that repeat: a campaign (the template) is repeated quarterly, half-yearly or yearly. At each run its
 * definition is copied into a new campaign over the current snapshots, shifted to start then (each stage keeps its
 * length), launched, and the schedule's owner is told; a run that cannot launch (nothing in scope, a reviewer gone)
 * tells the owner why and waits for the next period.
 */
@Service
public class RecurringCampaigns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecurringCampaigns.class);

    public enum Frequency {
        QUARTERLY(3, "Every quarter"), HALF_YEARLY(6, "Every half year"), YEARLY(12, "Every year");

        private final int months;
        private final String label;

        Frequency(int months, String label) {
            this.months = months;
            this.label = label;
        }

        public String label() {
            return label;
        }

        Instant after(Instant run) {
            return run.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
        }

        /** "2027 Q1", "2027 H2", "2027": the period a run reviews, for the new campaign's name. */
        String period(Instant run) {
            ZonedDateTime t = run.atZone(ZoneOffset.UTC);
            return switch (this) {
                case QUARTERLY -> t.getYear() + " Q" + ((t.getMonthValue() - 1) / 3 + 1);
                case HALF_YEARLY -> t.getYear() + " H" + ((t.getMonthValue() - 1) / 6 + 1);
                case YEARLY -> String.valueOf(t.getYear());
            };
        }
    }

    /** A repeated campaign: its template, how often, the next run, and how the last run went. */
    public record Schedule(long id, long templateId, String templateName, Frequency frequency, Instant nextRunAt, String owner,
                           Long lastCampaignId, String lastCampaignName, String lastError, int version) {
    }


    private final DSLContext dsl;
    private final CampaignService campaigns;
    private final NotificationService notifications;
    private final TransactionTemplate transaction;

    RecurringCampaigns(DSLContext dsl, CampaignService campaigns, NotificationService notifications, TransactionTemplate transaction) {
        this.dsl = dsl;
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.transaction = transaction;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Schedule> list() {
        return schedules(org.jooq.impl.DSL.noCondition());
    }

    /** Repeats a campaign from {@code firstRun} on; the signed-in user owns the schedule and the campaigns it launches. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Schedule repeat(long templateId, Frequency frequency, Instant firstRun) {
        Campaign template = campaigns.find(templateId)
                .orElseThrow(() -> new InvalidInputException(List.of(new Problem(0, null, "Campaign " + templateId + " does not exist"))));
        if (dsl.fetchExists(dev.steward.reviews.db.Tables.REVIEW_TRIGGER, dev.steward.reviews.db.Tables.REVIEW_TRIGGER.CAMPAIGN_ID.eq(templateId))) {
            throw new InvalidInputException(List.of(new Problem(0, null, template.name() + " was triggered by one event and covers only it;"
                    + " repeat a regular campaign instead")));
        }
        if (frequency == null) {
            throw new InvalidInputException(List.of(new Problem(0, "frequency", "Choose how often the campaign repeats")));
        }
        if (firstRun == null || firstRun.isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException(List.of(new Problem(0, "firstRun", "The first run must be in the future")));
        }
        if (dsl.fetchExists(CAMPAIGN_SCHEDULE, CAMPAIGN_SCHEDULE.TEMPLATE_CAMPAIGN_ID.eq(templateId))) {
            throw new InvalidInputException(List.of(new Problem(0, null, template.name() + " is repeated already; stop that schedule first")));
        }
        String owner = CurrentUser.username().orElse("system");
        CampaignScheduleRecord r = dsl.newRecord(CAMPAIGN_SCHEDULE);
        r.setTemplateCampaignId(templateId);
        r.setFrequency(frequency);
        r.setNextRunAt(firstRun);
        r.setOwner(owner);
        r.store();
        return find(r.getId());
    }

    /** Stops a schedule; the campaigns it launched stay. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public void stop(long scheduleId, int version) {
        Schedule schedule = find(scheduleId);
        if (schedule.version() != version) {
            throw new ConcurrentChangeException("Someone else changed this schedule in the meantime; reload and try again");
        }
        dsl.fetchOne(CAMPAIGN_SCHEDULE, CAMPAIGN_SCHEDULE.ID.eq(scheduleId)).delete(); // a record's delete: audited by the platform
    }

    /**
     * Launches every schedule due at {@code now}, each in its own transaction (one failing does not hold up the
     * others); returns how many campaigns were launched. Run by {@link RecurringCampaignsJob}.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public int launchDue(Instant now) {
        List<Long> due = dsl.select(CAMPAIGN_SCHEDULE.ID).from(CAMPAIGN_SCHEDULE).where(CAMPAIGN_SCHEDULE.NEXT_RUN_AT.le(now))
                .orderBy(CAMPAIGN_SCHEDULE.NEXT_RUN_AT).fetch(CAMPAIGN_SCHEDULE.ID);
        int launched = 0;
        for (long id : due) {
            try {
                Boolean ran = transaction.execute(status -> run(id, now));
                launched += Boolean.TRUE.equals(ran) ? 1 : 0;
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Recurring campaign schedule {} could not launch: {}", id, reason);
                transaction.executeWithoutResult(status -> failed(id, now, reason));
            }
        }
        return launched;
    }

    /** One due run: the copy, its launch, the next run; false when another node ran it first. */
    private boolean run(long scheduleId, Instant now) {
        CampaignScheduleRecord s = dsl.selectFrom(CAMPAIGN_SCHEDULE)
                .where(CAMPAIGN_SCHEDULE.ID.eq(scheduleId)).and(CAMPAIGN_SCHEDULE.NEXT_RUN_AT.le(now)).forUpdate().skipLocked().fetchOne();
        if (s == null) {
            return false;
        }
        Frequency frequency = s.getFrequency();
        Instant runAt = s.getNextRunAt();
        Campaign template = campaigns.find(s.getTemplateCampaignId()).orElseThrow();
        String owner = s.getOwner();
        Campaign draft = campaigns.create(copy(template.definition(), template.name() + " \u00b7 " + frequency.period(runAt), now), owner);
        Campaign launched = campaigns.launch(draft.id(), draft.version());
        s.setLastCampaignId(launched.id());
        s.setLastError(null);
        s.setNextRunAt(next(frequency, runAt, now));
        s.setVersion(s.getVersion() + 1);
        s.store();
        notifications.send(new Notification(ReviewPermissions.PLUGIN_ID, "reviews.recurring-launched", owner,
                "Access review launched: " + launched.name(), launched.items() + " item(s) to review, due "
                + launched.definition().dueAt().atZone(ZoneOffset.UTC).toLocalDate() + " (repeated " + frequency.label().toLowerCase() + ")",
                "reviews/campaigns", Map.of("campaign", launched.name(), "items", launched.items())));
        return true;
    }

    private void failed(long scheduleId, Instant now, String reason) {
        CampaignScheduleRecord s = dsl.selectFrom(CAMPAIGN_SCHEDULE).where(CAMPAIGN_SCHEDULE.ID.eq(scheduleId)).forUpdate().fetchOne();
        if (s == null) {
            return;
        }
        Frequency frequency = s.getFrequency();
        Instant runAt = s.getNextRunAt();
        String shortReason = reason.length() > 480 ? reason.substring(0, 479) + "\u2026" : reason;
        s.setLastError(shortReason);
        s.setNextRunAt(next(frequency, runAt, now));
        s.setVersion(s.getVersion() + 1);
        s.store();
        String template = dsl.select(CAMPAIGN.NAME).from(CAMPAIGN).where(CAMPAIGN.ID.eq(s.getTemplateCampaignId())).fetchSingle(CAMPAIGN.NAME);
        notifications.send(new Notification(ReviewPermissions.PLUGIN_ID, "reviews.recurring-failed", s.getOwner(),
                "Access review not launched: " + template, "The scheduled run could not launch: " + shortReason
                + ". The next run is " + next(frequency, runAt, now).atZone(ZoneOffset.UTC).toLocalDate() + ".",
                "reviews/campaigns", Map.of("campaign", template)));
    }

    /** The first run after {@code now}: a console that was down for a period runs once, not once per missed period. */
    private static Instant next(Frequency frequency, Instant runAt, Instant now) {
        Instant next = frequency.after(runAt);
        while (!next.isAfter(now)) {
            next = frequency.after(next);
        }
        return next;
    }

    /** The template's definition, starting now: each stage keeps its length from the template's start. */
    static CampaignForm copy(CampaignForm t, String name, Instant now) {
        Duration shift = Duration.between(t.startsAt(), now);
        List<CampaignForm.Stage> stages = t.stages().stream()
                .map(stage -> new CampaignForm.Stage(stage.reviewerRule(), stage.namedReviewer(), stage.dueAt().plus(shift))).toList();
        return new CampaignForm(name, t.description(), t.systemIds(), t.entitlementFilter(), t.privilegedOnly(), t.flaggedOnly(),
                t.orgUnitIds(), t.fallbackReviewer(), t.noResponse(), now, stages, t.stageRule(), t.reminderDays(), t.escalation(),
                t.sensitiveNoResponse(), t.escalationDays());
    }

    private Schedule find(long id) {
        return schedules(CAMPAIGN_SCHEDULE.ID.eq(id)).stream().findFirst()
                .orElseThrow(() -> new InvalidInputException(List.of(new Problem(0, null, "Schedule " + id + " does not exist"))));
    }

    /** The schedules matching {@code condition}, with their template's and last campaign's names, soonest first. */
    private List<Schedule> schedules(org.jooq.Condition condition) {
        var template = CAMPAIGN.as("template");
        var last = CAMPAIGN.as("last");
        return dsl.select(CAMPAIGN_SCHEDULE.fields()).select(template.NAME, last.NAME).from(CAMPAIGN_SCHEDULE)
                .join(template).on(template.ID.eq(CAMPAIGN_SCHEDULE.TEMPLATE_CAMPAIGN_ID))
                .leftJoin(last).on(last.ID.eq(CAMPAIGN_SCHEDULE.LAST_CAMPAIGN_ID))
                .where(condition).orderBy(CAMPAIGN_SCHEDULE.NEXT_RUN_AT)
                .fetch(r -> {
                    CampaignScheduleRecord s = r.into(CAMPAIGN_SCHEDULE);
                    return new Schedule(s.getId(), s.getTemplateCampaignId(), r.get(template.NAME), s.getFrequency(), s.getNextRunAt(),
                            s.getOwner(), s.getLastCampaignId(), r.get(last.NAME), s.getLastError(), s.getVersion());
                });
    }
}

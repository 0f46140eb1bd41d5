package dev.steward.reviews.campaigns;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.CampaignRecord;
import dev.steward.reviews.db.tables.records.CampaignStageRecord;
import dev.steward.reviews.evidence.EvidenceFiles;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.CAMPAIGN_STAGE;
import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * Campaigns: defined as drafts, launched (which freezes their items), closed (which applies the no-response rule,
 * freezes the decisions and opens remediation for every revoke).
 */
@Service
public class CampaignService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignService.class);

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final NotificationService notifications;

    CampaignService(DSLContext dsl, AuditTrail audit, NotificationService notifications) {
        this.dsl = dsl;
        this.audit = audit;
        this.notifications = notifications;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Campaign> list() {
        return toCampaigns(dsl.selectFrom(CAMPAIGN).orderBy(CAMPAIGN.ID.desc()).fetch());
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        return toCampaigns(dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).fetch()).stream().findFirst();
    }

    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Campaign create(CampaignForm form) {
        return create(form, CurrentUser.username().orElse("system"));
    }

    /** A draft owned by {@code owner}: a repeated campaign's copy belongs to its schedule's owner, not to the job. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Campaign create(CampaignForm form, String owner) {
        validate(form);
        CampaignRecord r = dsl.newRecord(CAMPAIGN);
        r.setOwner(owner);
        r.setStatus(Campaign.Status.DRAFT);
        r.setVersion(0);
        r.setItems(0);
        apply(form, r);
        r.store();
        storeStages(r.getId(), form.stages());
        return find(r.getId()).orElseThrow();
    }

    /** Changes a draft's definition (a launched campaign is frozen: its definition is part of its evidence). */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Campaign update(long campaignId, int version, CampaignForm form) {
        CampaignRecord r = lock(campaignId, version);
        if (r.getStatus() != Campaign.Status.DRAFT) {
            throw new IllegalStateException("Only a draft can be edited; a launched campaign's definition is part of its evidence");
        }
        validate(form);
        apply(form, r);
        r.setVersion(r.getVersion() + 1);
        r.store();
        List<CampaignStageRecord> old = dsl.selectFrom(CAMPAIGN_STAGE).where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId))
                .orderBy(CAMPAIGN_STAGE.STAGE).fetch();
        for (CampaignStageRecord s : old) {
            if (s.getStage() > form.stages().size()) {
                s.delete();
            }
        }
        storeStages(campaignId, form.stages(), old);
        return find(campaignId).orElseThrow();
    }

    private void storeStages(long campaignId, List<CampaignForm.Stage> stages) {
        storeStages(campaignId, stages, List.of());
    }

    /** Writes the stages, changing the existing records (so that the audit log shows what changed) and adding the rest. */
    private void storeStages(long campaignId, List<CampaignForm.Stage> stages, List<CampaignStageRecord> existing) {
        for (int i = 0; i < stages.size(); i++) {
            CampaignForm.Stage stage = stages.get(i);
            CampaignStageRecord s = i < existing.size() ? existing.get(i) : dsl.newRecord(CAMPAIGN_STAGE);
            s.setCampaignId(campaignId);
            s.setStage(i + 1);
            s.setReviewerRule(stage.reviewerRule());
            s.setNamedReviewer(blankToNull(stage.namedReviewer()));
            s.setDueAt(stage.dueAt());
            s.store();
        }
    }

    /** Freezes the items from the current snapshots and notifies each reviewer once. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public Campaign launch(long campaignId, int version) {
        CampaignRecord r = lock(campaignId, version);
        if (r.getStatus() != Campaign.Status.DRAFT) {
            throw new IllegalStateException("Only a draft campaign can be launched; this one is " + r.getStatus().name().toLowerCase());
        }
        long t0 = System.nanoTime();
        Map<String, Integer> perReviewer = CampaignGenerator.generate(dsl, campaignId, r.getSystemIds(), r.getEntitlementFilter());
        int items = perReviewer.values().stream().mapToInt(Integer::intValue).sum();
        dsl.update(CAMPAIGN_STAGE).set(CAMPAIGN_STAGE.STARTED_AT, Instant.now())
                .where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_STAGE.STAGE.eq(1)).execute();
        log.info("Campaign {}: {} items generated in {} ms", campaignId, items, (System.nanoTime() - t0) / 1_000_000);
        if (items == 0) {
            throw new IllegalStateException("Nothing to review: no current access matches the campaign's scope");
        }
        r.setStatus(Campaign.Status.ACTIVE);
        r.setLaunchedAt(Instant.now());
        r.setItems(items);
        r.setVersion(r.getVersion() + 1);
        r.store();
        notifyReviewers(r, 1, perReviewer);
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "campaign", campaignId, "LAUNCH")
                .after(Map.of("items", items, "name", r.getName())));
        return find(campaignId).orElseThrow();
    }

    /** Tells each reviewer of the stage, once, how many items they have and by when. */
    void notifyReviewers(CampaignRecord r, int stage, Map<String, Integer> itemsPerReviewer) {
        Instant due = dsl.select(CAMPAIGN_STAGE.DUE_AT).from(CAMPAIGN_STAGE)
                .where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(r.getId())).and(CAMPAIGN_STAGE.STAGE.eq(stage)).fetchOne(CAMPAIGN_STAGE.DUE_AT);
        notifications.sendAll(itemsPerReviewer.entrySet().stream().map(e -> new Notification(ReviewPermissions.PLUGIN_ID,
                "reviews.assigned", e.getKey(), "Access review: " + r.getName(), e.getValue() + " item(s) to review by " + LocalDate.ofInstant(due, ZoneId.systemDefault()),
                "reviews/my", Map.of("campaign", r.getName(), "items", e.getValue()))).toList());
    }

    /** What closing would do with the undecided items, per system (exactly what {@link #close} then does). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public ClosePreview closePreview(long campaignId) {
        CampaignRecord r = dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Campaign " + campaignId + " does not exist"));
        String revokes = NoResponseRule.revokesSql(r.getNoResponse(), r.getSensitiveNoResponse());
        List<ClosePreview.SystemLine> lines = new ArrayList<>();
        dsl.fetch("select s.name, count(*) undecided, count(*) filter (where " + revokes + ") revoke,"
                        + " count(*) filter (where " + NoResponseRule.SENSITIVE + ") sensitive,"
                        + " count(*) filter (where " + NoResponseRule.SENSITIVE + " and not " + revokes + ") sensitive_kept"
                        + " from reviews.review_item i join reviews.system s on s.id = i.system_id"
                        + " where i.campaign_id = ? and i.outcome = 'PENDING' group by s.name order by s.name", campaignId)
                .forEach(row -> {
                    int undecided = row.get("undecided", Integer.class);
                    int revoke = row.get("revoke", Integer.class);
                    lines.add(new ClosePreview.SystemLine(row.get("name", String.class), undecided, undecided - revoke, revoke,
                            row.get("sensitive", Integer.class), row.get("sensitive_kept", Integer.class)));
                });
        return new ClosePreview(lines);
    }

    /**
     * Closes the campaign: the no-response rule decides what is still open, decisions are frozen (their evidence files'
     * SHA-256 recorded, see {@link dev.steward.reviews.evidence.EvidencePack}), every revoke opens a remediation item
     * for its system.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ClosePreview close(long campaignId, int version) {
        CampaignRecord r = lock(campaignId, version);
        if (r.getStatus() != Campaign.Status.ACTIVE) {
            throw new IllegalStateException("Only an active campaign can be closed");
        }
        ClosePreview applied = closePreview(campaignId);
        String revokes = NoResponseRule.revokesSql(r.getNoResponse(), r.getSensitiveNoResponse());
        dsl.execute("insert into reviews.item_event (item_id, actor, action, detail, stage) select i.id, 'no-response rule',"
                + " case when " + revokes + " then 'REVOKE' else 'APPROVE' end, "
                + NoResponseRule.detailSql("Undecided at close", r.getNoResponse(), r.getSensitiveNoResponse())
                + ", i.stage from reviews.review_item i where i.campaign_id = ? and i.outcome = 'PENDING'", campaignId);
        dsl.execute("update reviews.review_item i set outcome = case when " + revokes + " then 'REVOKED' else 'APPROVED' end,"
                + " by_rule = true, decided_by = 'no-response rule', decided_at = now(), version = i.version + 1"
                + " where i.campaign_id = ? and i.outcome = 'PENDING'", campaignId);
        int remediations = dsl.execute("insert into reviews.remediation (campaign_id, item_id, system_id, account_name, entitlement, version)"
                + " select i.campaign_id, i.id, i.system_id, i.account_name, i.entitlement, 0 from reviews.review_item i"
                + " where i.campaign_id = ? and i.outcome = 'REVOKED'", campaignId);
        dsl.update(CAMPAIGN_STAGE).set(CAMPAIGN_STAGE.ENDED_AT, Instant.now())
                .where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId)).and(CAMPAIGN_STAGE.STAGE.eq(r.getCurrentStage())).execute();
        String evidenceManifest = EvidenceFiles.frozenManifest(dsl, campaignId);
        r.setEvidenceManifest(evidenceManifest);
        r.setStatus(Campaign.Status.CLOSED);
        r.setClosedAt(Instant.now());
        r.setClosedBy(CurrentUser.username().orElse("system"));
        r.setVersion(r.getVersion() + 1);
        r.store();
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "campaign", campaignId, "CLOSE").after(Map.of(
                "noResponseRule", r.getNoResponse(), "sensitiveRule", r.getSensitiveNoResponse(),
                "sensitiveKeptByRule", applied.sensitiveWouldKeep(), "keptByRule", applied.wouldKeep(), "revokedByRule", applied.wouldRevoke(),
                "remediationItems", remediations, "evidenceManifest", evidenceManifest)));
        notifications.send(new Notification(ReviewPermissions.PLUGIN_ID, "reviews.closed", r.getOwner(),
                "Access review closed: " + r.getName(), remediations + " revocation(s) to carry out", "reviews/campaigns",
                Map.of("campaign", r.getName())));
        return applied;
    }

    /** Deletes a draft (never launched: nothing was frozen or decided); a draft a schedule repeats must be freed first. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public void deleteDraft(long campaignId, int version) {
        CampaignRecord r = lock(campaignId, version);
        if (r.getStatus() != Campaign.Status.DRAFT) {
            throw new IllegalStateException("Only a draft can be deleted; a launched campaign is evidence and stays");
        }
        if (dsl.fetchExists(dev.steward.reviews.db.Tables.CAMPAIGN_SCHEDULE,
                dev.steward.reviews.db.Tables.CAMPAIGN_SCHEDULE.TEMPLATE_CAMPAIGN_ID.eq(campaignId))) {
            throw new IllegalStateException(r.getName() + " is repeated by a schedule; stop the schedule first");
        }
        dsl.selectFrom(CAMPAIGN_STAGE).where(CAMPAIGN_STAGE.CAMPAIGN_ID.eq(campaignId)).fetch().forEach(org.jooq.UpdatableRecord::delete);
        r.delete(); // records' deletes: audited by the platform
    }

    CampaignRecord lock(long campaignId, int version) {
        CampaignRecord r = dsl.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(campaignId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Campaign " + campaignId + " does not exist"));
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this campaign in the meantime; reload it and try again");
        }
        return r;
    }

    private void validate(CampaignForm f) {
        List<InvalidInputException.Problem> problems = CampaignRules.check(f,
                ids -> dsl.fetchCount(SYSTEM, SYSTEM.ID.in(ids)) == ids.stream().distinct().count());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void apply(CampaignForm f, CampaignRecord r) {
        r.setName(f.name().strip());
        r.setDescription(f.description());
        r.setSystemIds(f.systemIds().toArray(Long[]::new));
        r.setEntitlementFilter(f.entitlementFilter() == null || f.entitlementFilter().isBlank() ? null : f.entitlementFilter().strip());
        r.setPrivilegedOnly(f.privilegedOnly());
        r.setFlaggedOnly(f.flaggedOnly());
        r.setOrgUnitIds(f.orgUnitIds().toArray(Long[]::new));
        r.setStageRule(f.stageRule());
        r.setReminderDays(f.reminderDays().stream().sorted(java.util.Comparator.reverseOrder()).toArray(Integer[]::new));
        r.setEscalateTo(f.escalation());
        r.setFallbackReviewer(f.fallbackReviewer().strip());
        r.setNoResponse(f.noResponse());
        r.setSensitiveNoResponse(f.sensitiveNoResponse());
        r.setEscalationDays(f.escalationDays());
        r.setStartsAt(f.startsAt());
        r.setDueAt(f.dueAt());
    }

    private List<Campaign> toCampaigns(List<CampaignRecord> records) {
        Map<Long, List<CampaignForm.Stage>> stages = new java.util.HashMap<>();
        dsl.selectFrom(CAMPAIGN_STAGE).where(CAMPAIGN_STAGE.CAMPAIGN_ID.in(records.stream().map(CampaignRecord::getId).toList()))
                .orderBy(CAMPAIGN_STAGE.CAMPAIGN_ID, CAMPAIGN_STAGE.STAGE)
                .forEach(s -> stages.computeIfAbsent(s.getCampaignId(), k -> new ArrayList<>()).add(new CampaignForm.Stage(
                        s.getReviewerRule(), s.getNamedReviewer(), s.getDueAt())));
        return records.stream().map(r -> toCampaign(r, stages.getOrDefault(r.getId(), List.of()))).toList();
    }

    private static Campaign toCampaign(CampaignRecord r, List<CampaignForm.Stage> stages) {
        CampaignForm form = new CampaignForm(r.getName(), r.getDescription(), Arrays.asList(r.getSystemIds()), r.getEntitlementFilter(),
                r.getPrivilegedOnly(), r.getFlaggedOnly(), Arrays.asList(r.getOrgUnitIds()), r.getFallbackReviewer(),
                r.getNoResponse(), r.getStartsAt(), stages,
                r.getStageRule(), Arrays.asList(r.getReminderDays()),
                r.getEscalateTo(), r.getSensitiveNoResponse(), r.getEscalationDays());
        return new Campaign(r.getId(), r.getName(), r.getOwner(), r.getStatus(), form,
                r.getLaunchedAt(),
                r.getClosedAt(), r.getItems(), r.getCurrentStage(), r.getVersion());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

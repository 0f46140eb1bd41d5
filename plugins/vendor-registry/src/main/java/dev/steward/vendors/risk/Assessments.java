package dev.steward.vendors.risk;

import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.AssessmentRecord;
import dev.steward.vendors.db.tables.records.FindingRecord;
import dev.steward.vendors.db.tables.records.TierChangeRecord;
import dev.steward.vendors.db.tables.records.VendorRecord;
import dev.steward.vendors.tasks.ReassessmentTasks;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.steward.vendors.db.Tables.ASSESSMENT;
import static dev.steward.vendors.db.Tables.FINDING;
import static dev.steward.vendors.db.Tables.TIER_CHANGE;
import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Risk assessments: the inherent risk from the rubric, the residual tier the assessor sets with findings to remediate,
 * the next review by the tier's cadence, and the tier history. Assessing is for registry editors (a business owner
 * does not rate their own vendor).
 */
@Service
public class Assessments {

    static final String OWN_RISK = "The vendor's business owner cannot accept its own risk; a privacy officer or another risk "
            + "approver can";
    private static final org.jooq.Table<?> PERSON = table(name("platform", "person"));
    private static final org.jooq.Field<Long> PERSON_ID = field(name("person", "id"), Long.class);
    private static final org.jooq.Field<String> PERSON_NAME = field(name("person", "full_name"), String.class);

    private final DSLContext dsl;
    private final VendorAccess access;
    private final RiskRubrics rubrics;
    private final InherentRiskCalculator calculator;
    private final ReassessmentTasks tasks;

    Assessments(DSLContext dsl, VendorAccess access, RiskRubrics rubrics, InherentRiskCalculator calculator,
                ReassessmentTasks tasks) {
        this.dsl = dsl;
        this.access = access;
        this.rubrics = rubrics;
        this.calculator = calculator;
        this.tasks = tasks;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public InherentRisk inherentRisk(long vendorId) {
        access.requireRead(vendorId);
        return inherent(vendorId);
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR) // not owners: a business owner does not rate their own vendor
    @Transactional
    public Assessment assess(AssessmentForm form) {
        access.requireEdit(form.vendorId());
        if (form.residualTier() < 1 || form.residualTier() > 4) {
            throw new InvalidInputException("residualTier", "The residual tier is 1 (highest risk) to 4");
        }
        String summary = Inputs.required("summary", form.summary(), "Say what was assessed and why the residual tier is what it is", 10_000);
        List<FindingForm> findings = form.findings() == null ? List.of() : form.findings();
        findings.forEach(this::check);

        VendorRecord vendor = dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(form.vendorId())).forUpdate().fetchSingle();
        InherentRisk inherent = inherent(form.vendorId());
        RiskRubric rubric = rubrics.load();
        LocalDate today = LocalDate.now();
        String assessor = CurrentUser.username().orElse("system");

        AssessmentRecord a = dsl.newRecord(ASSESSMENT);
        a.setVendorId(form.vendorId());
        a.setAssessedBy(assessor);
        a.setAssessedAt(Instant.now());
        a.setFactors(inherent.factors().toString());
        a.setInherentScore((short) inherent.score());
        a.setInherentTier((short) inherent.tier());
        a.setResidualTier((short) form.residualTier());
        a.setSummary(summary);
        a.setNextReviewOn(today.plusMonths(rubric.reviewMonths(form.residualTier())));
        a.store();
        for (FindingForm f : findings) {
            FindingRecord r = dsl.newRecord(FINDING);
            r.setAssessmentId(a.getId());
            r.setVendorId(form.vendorId());
            r.setTitle(f.title().strip());
            r.setSeverity(f.severity());
            r.setOwnerPersonId(f.ownerPersonId());
            r.setDueOn(f.dueOn());
            r.setVersion(0);
            r.store();
        }
        Integer previous = vendor.getTier() == null ? null : vendor.getTier().intValue();
        if (previous == null || previous != form.residualTier()) {
            recordTierChange(form.vendorId(), previous, form.residualTier(), assessor, "Assessment: " + summary, a.getId());
        }
        vendor.setTier((short) form.residualTier());
        vendor.setInherentScore((short) inherent.score());
        vendor.setNextReviewOn(a.getNextReviewOn());
        vendor.setLastAssessedAt(a.getAssessedAt());
        vendor.setVersion(vendor.getVersion() + 1);
        vendor.store();
        tasks.closeOpenTasks(form.vendorId());
        return toAssessment(a);
    }

    /** Sets the tier outside an assessment (e.g. after an incident); the reason is kept in the history. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR) // not owners: a business owner does not rate their own vendor
    @Transactional
    public void changeTier(long vendorId, int version, int tier, String reason) {
        access.requireEdit(vendorId);
        if (tier < 1 || tier > 4) {
            throw new InvalidInputException("tier", "A tier is 1 (highest risk) to 4");
        }
        String why = Inputs.required("reason", reason, "Say why the tier changes", 2000);
        VendorRecord vendor = dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(vendorId)).forUpdate().fetchSingle();
        if (vendor.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this vendor in the meantime; reload and try again");
        }
        Integer previous = vendor.getTier() == null ? null : vendor.getTier().intValue();
        if (previous != null && previous == tier) {
            return;
        }
        recordTierChange(vendorId, previous, tier, CurrentUser.username().orElse("system"), why, null);
        vendor.setTier((short) tier);
        vendor.setNextReviewOn(LocalDate.now().plusMonths(rubrics.load().reviewMonths(tier)));
        vendor.setVersion(vendor.getVersion() + 1);
        vendor.store();
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Assessment> ofVendor(long vendorId) {
        access.requireRead(vendorId);
        return dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.VENDOR_ID.eq(vendorId)).orderBy(ASSESSMENT.ASSESSED_AT.desc(), ASSESSMENT.ID.desc())
                .fetch(Assessments::toAssessment);
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<TierChange> tierHistory(long vendorId) {
        access.requireRead(vendorId);
        return dsl.selectFrom(TIER_CHANGE).where(TIER_CHANGE.VENDOR_ID.eq(vendorId)).orderBy(TIER_CHANGE.CHANGED_AT.desc(), TIER_CHANGE.ID.desc())
                .fetch(r -> new TierChange(r.getFromTier() == null ? null : r.getFromTier().intValue(), r.getToTier(), r.getChangedBy(),
                        r.getChangedAt(), r.getReason(), r.getAssessmentId()));
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Finding> findings(long vendorId) {
        access.requireRead(vendorId);
        return dsl.select(FINDING.fields()).select(PERSON_NAME).from(FINDING).leftJoin(PERSON).on(PERSON_ID.eq(FINDING.OWNER_PERSON_ID))
                .where(FINDING.VENDOR_ID.eq(vendorId)).orderBy(FINDING.STATUS.eq(Finding.Status.OPEN).desc(), FINDING.DUE_ON, FINDING.ID)
                .fetch(r -> {
                    FindingRecord f = r.into(FINDING);
                    return new Finding(f.getId(), f.getAssessmentId(), f.getVendorId(), f.getTitle(), f.getSeverity(),
                            f.getOwnerPersonId(), r.get(PERSON_NAME), f.getDueOn(), f.getStatus(), f.getVersion());
                });
    }

    /**
     * Closes a finding as resolved or accepted (the risk is taken). Business owners may resolve their vendors' findings
     * but not accept their risk: segregation of duties, the one who benefits from the vendor does not sign off its risk.
     */
    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public void closeFinding(long findingId, int version, Finding.Status status) {
        FindingRecord f = dsl.selectFrom(FINDING).where(FINDING.ID.eq(findingId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("finding", "The finding no longer exists"));
        access.requireEdit(f.getVendorId());
        if (status == null || status == Finding.Status.OPEN) {
            throw new InvalidInputException("status", "Close a finding as resolved or accepted");
        }
        if (status == Finding.Status.ACCEPTED && ownsRisk(f.getVendorId())) {
            throw new AccessDeniedException(OWN_RISK);
        }
        if (f.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this finding in the meantime; reload and try again");
        }
        f.setStatus(status);
        f.setVersion(f.getVersion() + 1);
        f.store();
    }

    /** Why the current user may not accept the risk of this vendor's findings, or empty when they may (for the UI). */
    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<String> whyNotAcceptRisk(long vendorId) {
        access.requireRead(vendorId);
        return ownsRisk(vendorId) ? Optional.of(OWN_RISK) : Optional.empty();
    }

    /** The current user is the vendor's business owner (whatever else they may hold). */
    private boolean ownsRisk(long vendorId) {
        return dsl.fetchExists(VENDOR, VENDOR.ID.eq(vendorId).and(access.ownedByMe()));
    }

    private InherentRisk inherent(long vendorId) {
        RiskFactors factors = calculator.factors(vendorId);
        RiskRubric rubric = rubrics.load();
        int score = rubric.score(factors);
        return new InherentRisk(factors, score, rubric.tierFor(score));
    }

    private void check(FindingForm f) {
        Inputs.required("findings", f.title(), "Every finding needs a title", 300);
        Inputs.present("findings", f.severity(), "Finding '" + f.title().strip() + "' needs a severity");
        Inputs.present("findings", f.ownerPersonId(), "Finding '" + f.title().strip() + "' needs a remediation owner");
        Inputs.present("findings", f.dueOn(), "Finding '" + f.title().strip() + "' needs a due date");
        if (!dsl.fetchExists(PERSON, PERSON_ID.eq(f.ownerPersonId()))) {
            throw new InvalidInputException("findings", "The remediation owner of '" + f.title().strip() + "' is not in the people directory");
        }
        if (f.dueOn().isBefore(LocalDate.now())) {
            throw new InvalidInputException("findings", "Finding '" + f.title().strip() + "' is due in the past (" + f.dueOn() + ")");
        }
    }

    private void recordTierChange(long vendorId, Integer from, int to, String by, String reason, Long assessmentId) {
        TierChangeRecord t = dsl.newRecord(TIER_CHANGE);
        t.setVendorId(vendorId);
        t.setFromTier(from == null ? null : from.shortValue());
        t.setToTier((short) to);
        t.setChangedBy(by);
        t.setChangedAt(Instant.now());
        t.setReason(reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason);
        t.setAssessmentId(assessmentId);
        t.store();
    }

    static Assessment toAssessment(AssessmentRecord a) {
        return new Assessment(a.getId(), a.getVendorId(), a.getAssessedBy(), a.getAssessedAt(), a.getFactors(), a.getInherentScore(),
                a.getInherentTier(), a.getResidualTier(), a.getSummary(), a.getNextReviewOn());
    }
}

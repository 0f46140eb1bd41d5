package dev.steward.vendors.risk;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Criticality;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorStatus;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorRiskTest extends VendorsTestBase {

    static final RiskRubric DEFAULT = new RiskRubric(3, 2, 2, 2, 1, 70, 45, 20, 12, 24, 36, 48, 0);

    @AfterEach
    void restoreTheDefaultRubric() {
        loginAsOfficer();
        RiskRubrics rubrics = bean(RiskRubrics.class);
        RiskRubric now = rubrics.current();
        rubrics.save(new RiskRubric(3, 2, 2, 2, 1, 70, 45, 20, 12, 24, 36, 48, now.version()));
    }

    /** A clinic's patient records: health data of over a million people, in India without a mechanism. */
    private Vendor clinicSoftware() {
        loginAsOfficer();
        Vendor v = bean(VendorRegistry.class).save(new VendorForm(null, 0, "Clinic Cloud " + suffix, null, null, "DE", VendorStatus.ACTIVE, null,
                Criticality.HIGH, AccessLevel.BROAD, null, List.of()));
        bean(ProcessingRegister.class).save(new ProcessingForm(null, 0, service(v, "Patient records").id(), Relationship.PROCESSOR,
                Set.of("health", "contact"), Set.of("patients"), List.of(new Purpose("service_delivery", "contract")), Volume.OVER_1M, false, false,
                Set.of("DE", "IN"), Set.of("DE"), null, null));
        return v;
    }

    @Test
    void inherent_risk_comes_from_the_processing_and_the_vendor_through_the_stored_rubric() {
        Vendor v = clinicSoftware();
        InherentRisk risk = bean(Assessments.class).inherentRisk(v.id());
        assertThat(risk.factors()).isEqualTo(new RiskFactors(4, 4, 3, 3, 4));
        // 3*3 + 2*3 + 2*2 + 2*2 + 1*3 = 26 of 30
        assertThat(risk.score()).isEqualTo(87);
        assertThat(risk.tier()).isEqualTo(1);

        RiskRubrics rubrics = bean(RiskRubrics.class);
        rubrics.save(new RiskRubric(3, 2, 2, 2, 1, 95, 80, 20, 12, 24, 36, 48, rubrics.current().version()));
        assertThat(bean(Assessments.class).inherentRisk(v.id()).tier()).as("the stored rubric decides").isEqualTo(2);
    }

    @Test
    void an_assessment_sets_the_residual_tier_with_history_findings_and_the_next_review_by_cadence() {
        long owner = ownerWithUser("fiona");
        Vendor v = clinicSoftware();
        Assessments assessments = bean(Assessments.class);
        Assessment first = assessments.assess(new AssessmentForm(v.id(), 2, "Encryption at rest verified; access logged",
                List.of(new FindingForm("No MFA for support staff", FindingForm.Severity.HIGH, owner, LocalDate.now().plusDays(30)))));

        assertThat(first.inherentTier()).isEqualTo(1);
        assertThat(first.residualTier()).isEqualTo(2);
        assertThat(first.nextReviewOn()).isEqualTo(LocalDate.now().plusMonths(24));
        assertThat(first.assessedBy()).isEqualTo("olivia");
        assertThat(assessments.findings(v.id())).singleElement().satisfies(f -> {
            assertThat(f.ownerName()).isEqualTo("fiona " + suffix);
            assertThat(f.status()).isEqualTo(Finding.Status.OPEN);
        });

        loginAs("peter", Role.PRIVACY_OFFICER);
        Vendor reloaded = bean(VendorRegistry.class).find(v.id()).orElseThrow();
        assessments.changeTier(v.id(), reloaded.version(), 1, "Breach at the vendor reported on the news");
        List<TierChange> history = assessments.tierHistory(v.id());
        assertThat(history).extracting(TierChange::fromTier, TierChange::toTier, TierChange::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1, "peter"), org.assertj.core.groups.Tuple.tuple(null, 2, "olivia"));
        assertThat(history.getFirst().reason()).isEqualTo("Breach at the vendor reported on the news");
        assertThat(dsl.fetchValue("select next_review_on from vendors.vendor where id = ?", v.id()).toString())
                .isEqualTo(LocalDate.now().plusMonths(12).toString());
        assertThatThrownBy(() -> assessments.changeTier(v.id(), reloaded.version(), 3, "stale")).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void a_finding_without_owner_or_with_a_past_due_date_refuses_the_whole_assessment() {
        Vendor v = clinicSoftware();
        Assessments assessments = bean(Assessments.class);
        assertThatThrownBy(() -> assessments.assess(new AssessmentForm(v.id(), 2, "ok",
                List.of(new FindingForm("Pen test overdue", FindingForm.Severity.MEDIUM, null, LocalDate.now().plusDays(3))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("remediation owner"));
        assertThatThrownBy(() -> assessments.assess(new AssessmentForm(v.id(), 5, "ok", List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("residualTier"));
        assertThat(assessments.ofVendor(v.id())).isEmpty();
        assertThat(assessments.tierHistory(v.id())).isEmpty();
    }

    @Test
    void only_administrators_change_the_rubric_and_a_bad_one_changes_nothing() {
        loginAs("sam", Role.SECURITY_ANALYST);
        RiskRubrics rubrics = bean(RiskRubrics.class);
        RiskRubric now = rubrics.current();
        assertThatThrownBy(() -> rubrics.save(now)).isInstanceOf(AccessDeniedException.class);
        loginAsOfficer();
        assertThatThrownBy(() -> rubrics.save(new RiskRubric(3, 2, 2, 2, 1, 20, 45, 70, 12, 24, 36, 48, now.version())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(rubrics.current()).isEqualTo(now);
    }
}

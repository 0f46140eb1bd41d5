package dev.steward.vendors;

import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.security.Role;
import dev.steward.vendors.contracts.CertificationForm;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.exports.DataSharingMatrix;
import dev.steward.vendors.exports.SubProcessorList;
import dev.steward.vendors.integration.VendorStats;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.processing.SubProcessors;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorList;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.risk.AssessmentForm;
import dev.steward.vendors.risk.Assessments;
import dev.steward.vendors.risk.RiskRubric;
import dev.steward.vendors.risk.RiskRubrics;
import dev.steward.vendors.tasks.ReassessmentTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.MANAGER;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static dev.steward.platform.security.Role.SECURITY_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role x each action of the vendor registry, on the services: allowed roles pass the permission check (the
 * business-owner rule may still refuse a vendor that is not theirs, with its own message), others are refused.
 */
class VendorActionMatrixTest extends VendorsTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, AUDITOR);
    /** Readers, plus business owners (managers, analysts) for their own vendors. */
    private static final Set<Role> READERS_AND_OWNERS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, AUDITOR, MANAGER);
    private static final Set<Role> EDITORS_AND_OWNERS = Set.of(PRIVACY_OFFICER, SECURITY_ANALYST, MANAGER);
    private static final Set<Role> EDITORS = Set.of(PRIVACY_OFFICER);
    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER);

    static final List<Action<VendorActionMatrixTest>> ACTIONS = List.of(
            new Action<>("read a vendor", READERS_AND_OWNERS, t -> t.bean(VendorRegistry.class).find(-1)),
            new Action<>("save a vendor", EDITORS_AND_OWNERS, t -> t.bean(VendorRegistry.class).save(VendorForm.named(""))),
            new Action<>("search people for an owner", EDITORS, t -> t.bean(VendorRegistry.class).ownerCandidates("a", 0, 10)),
            new Action<>("read a person", READERS_AND_OWNERS, t -> t.bean(VendorRegistry.class).person(-1)),
            new Action<>("list vendors", READERS_AND_OWNERS, t -> t.bean(VendorList.class).page(VendorFilter.none(), VendorList.Sort.NAME, false, 0, 10)),
            new Action<>("count vendors", READERS_AND_OWNERS, t -> t.bean(VendorList.class).count(VendorFilter.none())),
            new Action<>("list a vendor's services", READERS_AND_OWNERS, t -> t.bean(ProvidedServices.class).ofVendor(-1)),
            new Action<>("search services", READERS_AND_OWNERS, t -> t.bean(ProvidedServices.class).search("a", 0, 10)),
            new Action<>("save a service", EDITORS_AND_OWNERS, t -> t.bean(ProvidedServices.class).save(new ProvidedService(null, -1, "x", null, 0))),
            new Action<>("list processing", READERS_AND_OWNERS, t -> t.bean(ProcessingRegister.class).ofService(-1)),
            new Action<>("save processing", EDITORS_AND_OWNERS, t -> t.bean(ProcessingRegister.class).save(new ProcessingForm(null, 0, -1, null,
                    null, null, null, null, false, false, null, null, null, null))),
            new Action<>("delete processing", EDITORS_AND_OWNERS, t -> t.bean(ProcessingRegister.class).delete(-1, 0)),
            new Action<>("add a sub-processor", EDITORS_AND_OWNERS, t -> t.bean(SubProcessors.class).add(-1, -2, null)),
            new Action<>("remove a sub-processor", EDITORS_AND_OWNERS, t -> t.bean(SubProcessors.class).remove(-1, -2)),
            new Action<>("view a chain", READERS_AND_OWNERS, t -> t.bean(SubProcessors.class).chainBelow(-1)),
            new Action<>("list contracts", READERS_AND_OWNERS, t -> t.bean(Contracts.class).ofVendor(-1)),
            new Action<>("read the DPA status", READERS_AND_OWNERS, t -> t.bean(Contracts.class).dpaState(-1)),
            new Action<>("read any vendor's DPA status on a day", READERS, t -> t.bean(Contracts.class).dpaStateAsOf(-1, java.time.LocalDate.now())),
            new Action<>("check SCC paperwork", READERS_AND_OWNERS, t -> t.bean(Contracts.class).sccMissing(-1)),
            new Action<>("read a vendor's history", READERS_AND_OWNERS, t -> t.bean(dev.steward.vendors.registry.VendorHistory.class).of(-1)),
            new Action<>("preview an import", EDITORS, t -> t.bean(dev.steward.vendors.imports.VendorImport.class).preview(new byte[0])),
            new Action<>("import", EDITORS, t -> t.bean(dev.steward.vendors.imports.VendorImport.class).commit(new byte[0])),
            new Action<>("preview an uploaded import", EDITORS, t -> t.bean(dev.steward.vendors.imports.VendorImport.class)
                    .preview(java.nio.file.Path.of("no-such-upload.csv"))),
            new Action<>("import an uploaded file", EDITORS, t -> t.bean(dev.steward.vendors.imports.VendorImport.class)
                    .commit(java.nio.file.Path.of("no-such-upload.csv"), dev.steward.vendors.imports.VendorImport.Progress.NONE)),
            new Action<>("read the import size limit", EDITORS, t -> t.bean(dev.steward.vendors.imports.VendorImport.class).maxBytes()),
            new Action<>("export everything", READERS, t -> {
                try {
                    t.bean(dev.steward.vendors.imports.RegistryExport.class).writeZip(java.io.OutputStream.nullOutputStream(),
                            dev.steward.platform.export.ExportProgress.NONE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }),
            new Action<>("save a contract", EDITORS_AND_OWNERS, t -> t.bean(Contracts.class).save(new ContractForm(null, 0, -1, null, null, null,
                    null, null, null, false, null, null))),
            new Action<>("list certifications", READERS_AND_OWNERS, t -> t.bean(Certifications.class).ofVendor(-1)),
            new Action<>("save a certification", EDITORS_AND_OWNERS, t -> t.bean(Certifications.class).save(new CertificationForm(null, 0, -1, null,
                    null, null, null, null, null))),
            new Action<>("read the rubric", READERS_AND_OWNERS, t -> t.bean(RiskRubrics.class).current()),
            new Action<>("change the rubric", ADMINS, t -> t.bean(RiskRubrics.class).save(new RiskRubric(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1))),
            new Action<>("read inherent risk", READERS_AND_OWNERS, t -> t.bean(Assessments.class).inherentRisk(-1)),
            new Action<>("assess a vendor", EDITORS, t -> t.bean(Assessments.class).assess(new AssessmentForm(-1, 2, "x", List.of()))),
            new Action<>("change a tier", EDITORS, t -> t.bean(Assessments.class).changeTier(-1, 0, 2, "x")),
            new Action<>("read the tier history", READERS_AND_OWNERS, t -> t.bean(Assessments.class).tierHistory(-1)),
            new Action<>("close a finding", EDITORS_AND_OWNERS, t -> t.bean(Assessments.class).closeFinding(-1, 0,
                    dev.steward.vendors.risk.Finding.Status.RESOLVED)),
            // the permission check; the vendor's own business owner is then refused by segregation of duties (FindingAcceptanceAttackTest)
            new Action<>("accept a finding's risk", EDITORS_AND_OWNERS, t -> t.bean(Assessments.class).closeFinding(-1, 0,
                    dev.steward.vendors.risk.Finding.Status.ACCEPTED)),
            new Action<>("ask why a finding's risk may not be accepted", READERS_AND_OWNERS, t -> t.bean(Assessments.class).whyNotAcceptRisk(-1)),
            new Action<>("list reassessment tasks", READERS_AND_OWNERS, t -> t.bean(ReassessmentTasks.class).ofVendor(-1)),
            new Action<>("open a reassessment task", EDITORS, t -> t.bean(ReassessmentTasks.class).openOnce(-1, "matrix:" + System.nanoTime(), "x",
                    java.time.LocalDate.now())),
            new Action<>("close a vendor's reassessment tasks", EDITORS, t -> t.bean(ReassessmentTasks.class).closeOpenTasks(-1)),
            new Action<>("run the expiry watch", EDITORS, t -> t.bean(dev.steward.vendors.integration.ExpiryWatch.class)
                    .runOnce(java.time.LocalDate.of(1990, 1, 1))),
            new Action<>("read the data-sharing matrix", READERS, t -> t.bean(DataSharingMatrix.class).page(null, null, 0, 10)),
            new Action<>("list sub-processors for customers", READERS, t -> t.bean(SubProcessorList.class).entries()),
            new Action<>("dashboard: vendors by tier", READERS, t -> t.bean(VendorStats.class).byTier()),
            new Action<>("dashboard: expiring", READERS, t -> t.bean(VendorStats.class).expiringWithin(60, 5)),
            new Action<>("dashboard: how many expire", READERS, t -> t.bean(VendorStats.class).expiringCount(60)),
            new Action<>("dashboard: overdue reviews", READERS, t -> t.bean(VendorStats.class).overdueReviewCount()),
            new Action<>("dashboard: transfer gaps", READERS, t -> t.bean(VendorStats.class).vendorsWithTransferGaps()),
            new Action<>("dashboard: special-category data", READERS, t -> t.bean(VendorStats.class).vendorsWithSpecialCategoryData()));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<VendorActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }

    @Autowired
    SearchService search;

    @Test
    void global_search_finds_vendors_by_trading_name_for_readers_only() {
        loginAsOfficer();
        var vendors = bean(VendorRegistry.class);
        var v = vendors.save(new VendorForm(null, 0, "Zentrale Lohnabrechnung GmbH " + suffix, "PayCircle", null, "DE", null, null, null, null,
                null, List.of()));
        loginAs("audrey", AUDITOR);
        assertThat(search.search("paycircle " + suffix, 10)).anyMatch(g -> g.name().equals("Vendors")
                && g.hits().stream().anyMatch(h -> h.title().startsWith("PayCircle (Zentrale") && h.route().equals("vendors/" + v.id())));
        loginAs("max", MANAGER);
        assertThat(search.search("paycircle " + suffix, 10)).noneMatch(g -> g.name().equals("Vendors"));
    }
}

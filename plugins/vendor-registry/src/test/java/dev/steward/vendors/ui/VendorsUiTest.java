package dev.steward.vendors.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import dev.steward.platform.files.UploadedFile;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.security.Role;
import dev.steward.vendors.contracts.CertificationType;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A privacy officer registers a vendor through the real components and finds it in the matrix and on the dashboard. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class VendorsUiTest extends KaribuTest {

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    static final LocalDate TODAY = LocalDate.now();

    @Test
    void adding_a_vendor_with_a_service_a_dpa_and_a_certificate_shows_it_in_the_matrix_and_on_the_dashboard() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(VendorsView.class);
        _click(_get(VendorsView.class).add);

        VendorDialog vendorDialog = _get(VendorDialog.class);
        _click(vendorDialog.save);
        assertThat(vendorDialog.legalName.isInvalid()).as("no legal name: refused next to the field").isTrue();
        setValue(vendorDialog.legalName, "Care Records Ltd " + suffix);
        setValue(vendorDialog.hqCountry, "IE");
        setValue(vendorDialog.contactName, "Dana Privacy");
        setValue(vendorDialog.contactEmail, "dpo@care.example");
        setValue(vendorDialog.privacyContact, true);
        _click(vendorDialog.addContact);
        _click(vendorDialog.save);

        VendorPage page = _get(VendorView.class).page;
        assertThat(page.heading.getText()).isEqualTo("Care Records Ltd " + suffix);
        assertThat(page.dpa.getText()).isEqualTo("DPA: Not required");

        page.tabs.setSelectedIndex(1);
        _click(page.servicesPanel.addService);
        ServiceDialog serviceDialog = _get(ServiceDialog.class);
        setValue(serviceDialog.name, "Patient records");
        _click(serviceDialog.save);

        _click(_get(Button.class, spec -> spec.withText("Add processing")));
        ProcessingDialog processing = _get(ProcessingDialog.class);
        setValue(processing.categories, pick(processing.categories.getListDataView().getItems(), "health"));
        setValue(processing.subjects, pick(processing.subjects.getListDataView().getItems(), "patients"));
        setValue(processing.purpose, processing.purpose.getListDataView().getItems().filter(e -> e.code().equals("service_delivery")).findFirst().orElseThrow());
        setValue(processing.legalBasis, processing.legalBasis.getListDataView().getItems().filter(e -> e.code().equals("contract")).findFirst().orElseThrow());
        _click(processing.addPurpose);
        assertThat(GridKt._getFormatted(processing.purposes, 0, "purpose")).isEqualTo("Service delivery");
        assertThat(GridKt._getFormatted(processing.purposes, 0, "legalBasis")).isEqualTo("Contract");
        assertThat(processing.mechanism.getItemLabelGenerator().apply(dev.steward.vendors.processing.TransferMechanism.SCC))
                .isEqualTo("Standard contractual clauses (Art. 46)");
        setValue(processing.processedIn, Set.of("IE", "IN"));
        assertThat(processing.transfer.getText()).isEqualTo("Transfer gap: No transfer mechanism recorded for IN");
        setValue(processing.processedIn, Set.of("IE"));
        _click(processing.save);
        assertThat(page.dpa.getText()).as("a processor needs a DPA").isEqualTo("DPA: Missing");
        // the processing grid names catalogue entries and countries; codes stay in the exports
        @SuppressWarnings("unchecked")
        Grid<dev.steward.vendors.processing.Processing> processingGrid = _get(page.servicesPanel, Grid.class);
        assertThat(GridKt._getFormatted(processingGrid, 0, "categories")).isEqualTo("Health data");
        assertThat(GridKt._getFormatted(processingGrid, 0, "subjects")).isEqualTo("Patients");
        assertThat(GridKt._getFormatted(processingGrid, 0, "purposes")).isEqualTo("Service delivery (Contract)");
        assertThat(GridKt._getFormatted(processingGrid, 0, "where")).isEqualTo("Ireland");

        page.tabs.setSelectedIndex(2);
        _click(page.contractsPanel.addContract);
        ContractDialog contract = _get(ContractDialog.class);
        setValue(contract.type, ContractType.DPA);
        setValue(contract.status, ContractStatus.SIGNED);
        setValue(contract.signedOn, TODAY);
        setValue(contract.effectiveOn, TODAY);
        setValue(contract.endsOn, TODAY.plusYears(2));
        _click(contract.save);
        assertThat(page.dpa.getText()).isEqualTo("DPA: In place");
        assertThat(GridKt._getFormatted(page.contractsPanel.contracts, 0, "type")).isEqualTo("Data processing agreement");
        page.tabs.setSelectedIndex(3);
        _click(page.riskPanel.assess);
        AssessmentDialog assessment = _get(AssessmentDialog.class);
        assertThat(assessment.severity.getItemLabelGenerator().apply(assessment.severity.getValue())).isEqualTo("Medium");
        assessment.close();
        page.tabs.setSelectedIndex(2);

        _click(page.contractsPanel.addCertification);
        CertificationDialog certification = _get(CertificationDialog.class);
        setValue(certification.type, CertificationType.ISO_27001);
        setValue(certification.validFrom, TODAY.minusMonths(1));
        setValue(certification.validTo, TODAY.plusYears(3));
        _click(certification.save);
        assertThat(GridKt._findAll(page.contractsPanel.certifications)).extracting(c -> c.displayName()).containsExactly("ISO/IEC 27001");

        UI.getCurrent().navigate(DataSharingMatrixView.class);
        DataSharingMatrixView matrix = _get(DataSharingMatrixView.class);
        setValue(matrix.vendor, "Care Records " + suffix);
        assertThat(GridKt._size(matrix.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(matrix.grid, 0, "health")).isEqualTo("●");
        assertThat(GridKt._getFormatted(matrix.grid, 0, "vendor")).isEqualTo("Care Records Ltd " + suffix);

        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText)
                .anyMatch(t -> t.matches("[1-9]\\d* vendor\\(s\\) process special-category or children's data"));
    }

    @Test
    void the_grid_opens_filtered_from_a_dashboard_link() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("vendors", com.vaadin.flow.router.QueryParameters.fromString("gap=transfer&expiring=60"));
        VendorsView view = _get(VendorsView.class);
        assertThat(view.vendors.transferGap.getValue()).isTrue();
        assertThat(view.vendors.expiring.getValue()).isEqualTo(60);
    }

    @Test
    void an_import_shows_each_problem_by_line_and_column_then_imports_a_fixed_file() throws Exception {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(VendorsView.class);
        _click(_get(VendorsView.class).importCsv);
        VendorImportDialog dialog = _get(VendorImportDialog.class);
        dialog.receive(UploadedFile.copyOf("bad.csv", ("legal_name,hq_country\nAcme " + suffix + ",Germany\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        _click(dialog.preview);
        assertThat(dialog.problems.isVisible()).isTrue();
        assertThat(GridKt._get(dialog.problems, 0).toString())
                .isEqualTo("line 2, column hq_country: 'Germany' is not an ISO 3166 country code (two letters, e.g. DE, US)");
        assertThat(dialog.commit.isEnabled()).isFalse();

        dialog.receive(UploadedFile.copyOf("good.csv", ("legal_name,hq_country\nAcme " + suffix + ",DE\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        _click(dialog.preview);
        assertThat(dialog.status.getText()).startsWith("good.csv: adds 1 vendor(s), 0 service(s)");
        _click(dialog.commit);
        assertThat(dialog.progress.isVisible()).as("written in the background, with progress").isTrue();
        dialog.work.get(30, java.util.concurrent.TimeUnit.SECONDS);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(dialog.status.getText()).isEqualTo("Imported 1 vendor(s), 0 service(s), 0 processing record(s).");
        assertThat(dialog.progress.isVisible()).isFalse();
    }

    @Test
    void an_administrator_changes_the_rubric_and_a_bad_one_is_refused_with_its_reason() {
        loginAs("sam", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(VendorsView.class);
        assertThat(_get(VendorsView.class).rubric.isVisible()).isFalse();

        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(VendorsView.class);
        _click(_get(VendorsView.class).rubric);
        RubricDialog dialog = _get(RubricDialog.class);
        Integer before = dialog.months1.getValue();
        setValue(dialog.months1, 60);
        _click(dialog.save);
        assertThat(dialog.error.getText()).isEqualTo("A riskier tier cannot be reviewed less often than a safer one");
        setValue(dialog.months1, 6);
        _click(dialog.save);
        try {
            _click(_get(VendorsView.class).rubric);
            assertThat(_get(RubricDialog.class).months1.getValue()).isEqualTo(6);
        } finally {
            RubricDialog again = _get(RubricDialog.class);
            setValue(again.months1, before);
            _click(again.save);
        }
    }

    @Test
    void removing_a_processing_and_a_sub_processor_link_from_the_vendors_page() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        var plugin = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class).contextOf("vendors").orElseThrow();
        var vendors = plugin.getBean(dev.steward.vendors.registry.VendorRegistry.class);
        var services = plugin.getBean(dev.steward.vendors.processing.ProvidedServices.class);
        var v = vendors.save(dev.steward.vendors.registry.VendorForm.named("Removals " + suffix));
        var crm = services.save(new dev.steward.vendors.processing.ProvidedService(null, v.id(), "CRM", null, 0));
        var cloud = services.save(new dev.steward.vendors.processing.ProvidedService(null, vendors.save(
                dev.steward.vendors.registry.VendorForm.named("Cloud " + suffix)).id(), "Hosting", null, 0));
        plugin.getBean(dev.steward.vendors.processing.ProcessingRegister.class).save(new dev.steward.vendors.processing.ProcessingForm(null, 0,
                crm.id(), dev.steward.vendors.processing.Relationship.PROCESSOR, Set.of("contact"), Set.of("customers"),
                java.util.List.of(new dev.steward.vendors.processing.Purpose("customer_support", "contract")),
                dev.steward.vendors.processing.Volume.UNDER_1K, false, false, Set.of("DE"), Set.of(), null, null));
        plugin.getBean(dev.steward.vendors.processing.SubProcessors.class).add(crm.id(), cloud.id(), "hosting");

        UI.getCurrent().navigate("vendors/" + v.id());
        VendorPage page = _get(VendorView.class).page;
        page.tabs.setSelectedIndex(1);
        assertThat(page.dpa.getText()).isEqualTo("DPA: Missing");
        _click(_get(Button.class, spec -> spec.withText("Remove"))); // the link to Cloud's hosting, below the CRM
        assertThat(_find(com.vaadin.flow.component.html.Div.class)).noneMatch(d -> d.getText().contains("Cloud " + suffix + " · Hosting"));

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<dev.steward.vendors.processing.Processing> processing =
                _get(page.servicesPanel, com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._size(processing)).isEqualTo(1);
        _click(_get(GridKt._getCellComponent(processing, 0, "actions"), Button.class, spec -> spec.withText("Remove")));
        assertThat(page.dpa.getText()).as("no processing left").isEqualTo("DPA: Not required");
    }

    @Test
    void the_tier_history_shows_when_in_the_users_own_time_zone() {
        String user = "tz-" + suffix;
        loginAs(user, Role.PRIVACY_OFFICER);
        java.time.ZoneId auckland = java.time.ZoneId.of("Pacific/Auckland");
        context.getBean(dev.steward.platform.security.UserTimeZones.class).setOwn(user, auckland.getId());
        var plugin = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class).contextOf("vendors").orElseThrow();
        var v = plugin.getBean(dev.steward.vendors.registry.VendorRegistry.class).save(dev.steward.vendors.registry.VendorForm.named("Zoned " + suffix));
        plugin.getBean(dev.steward.vendors.risk.Assessments.class).changeTier(v.id(), v.version(), 2, "Audit findings");
        UI.getCurrent().navigate("vendors/" + v.id());
        VendorPage page = _get(VendorView.class).page;
        page.tabs.setSelectedIndex(3);
        java.time.Instant changedAt = plugin.getBean(dev.steward.vendors.risk.Assessments.class).tierHistory(v.id()).getFirst().changedAt();
        assertThat(GridKt._getFormatted(page.riskPanel.history, 0, "when")).as("Auckland time, the zone named, not UTC")
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").format(changedAt.atZone(auckland)))
                .matches(".* NZ[DS]T");
    }

    @Test
    void a_privacy_officer_changes_a_tier_with_a_reason_kept_in_the_history() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        var plugin = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class).contextOf("vendors").orElseThrow();
        var v = plugin.getBean(dev.steward.vendors.registry.VendorRegistry.class).save(dev.steward.vendors.registry.VendorForm.named("Tiered " + suffix));
        UI.getCurrent().navigate("vendors/" + v.id());
        VendorPage page = _get(VendorView.class).page;
        page.tabs.setSelectedIndex(3);
        _click(page.riskPanel.changeTier);
        TierDialog dialog = _get(TierDialog.class);
        setValue(dialog.tier, 1);
        _click(dialog.save);
        assertThat(dialog.reason.isInvalid()).as("no reason: refused").isTrue();
        setValue(dialog.reason, "Breach at the vendor");
        _click(dialog.save);
        assertThat(plugin.getBean(dev.steward.vendors.risk.Assessments.class).tierHistory(v.id()))
                .singleElement().satisfies(t -> {
                    assertThat(t.toTier()).isEqualTo(1);
                    assertThat(t.reason()).isEqualTo("Breach at the vendor");
                    assertThat(t.changedBy()).isEqualTo("olivia");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_contracts_document_is_kept_with_the_contract_and_an_oversized_one_is_refused_with_its_reason() throws Exception {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        var plugin = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class).contextOf("vendors").orElseThrow();
        var v = plugin.getBean(dev.steward.vendors.registry.VendorRegistry.class).save(dev.steward.vendors.registry.VendorForm.named("Signed " + suffix));
        var dpa = plugin.getBean(dev.steward.vendors.contracts.Contracts.class).save(new dev.steward.vendors.contracts.ContractForm(null, 0, v.id(),
                ContractType.DPA, null, ContractStatus.SIGNED, TODAY, TODAY, null, false, null, null));
        var files = context.getBean(dev.steward.platform.files.AttachmentService.class);
        var owner = new dev.steward.platform.files.Attachment.Owner("vendors", "contract", String.valueOf(dpa.id()));

        UI.getCurrent().navigate("vendors/" + v.id());
        VendorPage page = _get(VendorView.class).page;
        page.tabs.setSelectedIndex(2);
        _click(_get(GridKt._getCellComponent(page.contractsPanel.contracts, 0, "actions"), Button.class, spec -> spec.withText("Document")));
        DocumentsDialog dialog = _get(DocumentsDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo(ContractType.DPA.label() + " with Signed " + suffix);

        java.nio.file.Path big = java.nio.file.Files.createTempFile("steward-upload-", ".part");
        try (var sparse = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(files.maxBytes() + 1);
        }
        dialog.files.receive(UploadedFile.of("dpa-scan.pdf", big, files.maxBytes() + 1));
        assertThat(_find(dialog, com.vaadin.flow.component.html.Paragraph.class).getFirst().getText())
                .isEqualTo("dpa-scan.pdf is larger than the limit of 50 MB");
        assertThat(big).as("the refused file is deleted").doesNotExist();
        assertThat(files.list(owner, false)).isEmpty();

        dialog.files.receive(UploadedFile.copyOf("dpa-signed.txt", "signed by both parties".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(_find(dialog, com.vaadin.flow.component.html.Paragraph.class).getFirst().getText()).startsWith("dpa-signed.txt added (SHA-256 ");
        com.vaadin.flow.component.grid.Grid<dev.steward.platform.files.Attachment> shown = _get(dialog, com.vaadin.flow.component.grid.Grid.class);
        assertThat(GridKt._findAll(shown)).extracting(dev.steward.platform.files.Attachment::fileName).containsExactly("dpa-signed.txt");
        assertThat(files.list(owner, false)).as("kept with the contract").extracting(dev.steward.platform.files.Attachment::fileName)
                .containsExactly("dpa-signed.txt");
    }

    private static Set<CatalogEntry> pick(java.util.stream.Stream<CatalogEntry> entries, String code) {
        return entries.filter(e -> e.code().equals(code)).collect(Collectors.toSet());
    }

    @Test
    void a_business_owner_sees_risk_accepted_disabled_with_the_reason_and_who_can() {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        String email = "bea-" + suffix + "@example.org";
        long bea = context.getBean(dev.steward.platform.people.PeopleDirectory.class).save(new dev.steward.platform.people.PersonForm(null, 0,
                "BEA-" + suffix, "Bea " + suffix, email, null, null, null, dev.steward.platform.people.EmploymentStatus.ACTIVE, null, null));
        var users = context.getBean(dev.steward.platform.security.UserAccountService.class);
        String oneTime = users.create("bea-" + suffix, "Bea", email, java.util.EnumSet.of(Role.MANAGER));
        loginAs("bea-" + suffix, Role.MANAGER);
        users.changeOwnPassword("bea-" + suffix, oneTime, "bea-passphrase-" + suffix); // past the one-time password gate
        loginAs("olivia", Role.PRIVACY_OFFICER);
        var plugin = context.getBean(dev.steward.platform.plugin.ExtensionRegistry.class).contextOf("vendors").orElseThrow();
        var v = plugin.getBean(dev.steward.vendors.registry.VendorRegistry.class).save(
                dev.steward.vendors.registry.VendorForm.named("Owned " + suffix).withOwner(bea));
        plugin.getBean(dev.steward.vendors.risk.Assessments.class).assess(new dev.steward.vendors.risk.AssessmentForm(v.id(), 2,
                "Support reaches customer data", java.util.List.of(new dev.steward.vendors.risk.FindingForm("No MFA",
                        dev.steward.vendors.risk.FindingForm.Severity.HIGH, bea, LocalDate.now().plusDays(30)))));

        loginAs("bea-" + suffix, Role.MANAGER);
        UI.getCurrent().navigate("vendors/mine/" + v.id());
        VendorPage page = _get(MyVendorView.class).page;
        page.tabs.setSelectedIndex(3);
        Button accept = findingAction(page, "Risk accepted");
        assertThat(accept.isEnabled()).isFalse();
        assertThat(accept.getTooltip().getText()).startsWith("The vendor's business owner cannot accept its own risk");
        assertThat(page.riskPanel.acceptNote.isVisible()).isTrue();
        assertThat(page.riskPanel.acceptNote.getText()).isEqualTo("Risk accepted is not available to you: The vendor's business owner "
                + "cannot accept its own risk; a privacy officer or another risk approver can.");
        assertThat(findingAction(page, "Resolved").isEnabled()).isTrue();

        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("vendors/" + v.id());
        VendorPage asOfficer = _get(VendorView.class).page;
        asOfficer.tabs.setSelectedIndex(3);
        assertThat(findingAction(asOfficer, "Risk accepted").isEnabled()).isTrue();
        assertThat(asOfficer.riskPanel.acceptNote.isVisible()).isFalse();
    }

    /** A button in the first finding's row of the risk tab (the findings grid is the panel's second grid). */
    @SuppressWarnings("unchecked")
    private static Button findingAction(VendorPage page, String text) {
        var findings = (com.vaadin.flow.component.grid.Grid<dev.steward.vendors.risk.Finding>)
                _find(page.riskPanel, com.vaadin.flow.component.grid.Grid.class).get(1);
        return _get(GridKt._getCellComponent(findings, 0, "actions"), Button.class, spec -> spec.withText(text));
    }
}

package dev.steward.vendors.ui;

import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.links.EntityLinks;
import dev.steward.vendors.contracts.Certifications;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.processing.SubProcessors;
import dev.steward.vendors.registry.VendorHistory;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.risk.Assessments;
import dev.steward.vendors.tasks.ReassessmentTasks;
import org.springframework.stereotype.Component;

/** The services a vendor's page and its dialogs call, in one injectable bundle. */
@Component
class VendorUiServices {

    private final VendorRegistry vendors;
    private final ProvidedServices services;
    private final ProcessingRegister processing;
    private final SubProcessors subProcessors;
    private final Contracts contracts;
    private final Certifications certifications;
    private final Assessments assessments;
    private final ReassessmentTasks tasks;
    private final PrivacyCatalog catalog;
    private final AttachmentService files;
    private final VendorHistory history;
    private final EntityLinks links;

    VendorUiServices(VendorRegistry vendors, ProvidedServices services, ProcessingRegister processing, SubProcessors subProcessors,
                     Contracts contracts, Certifications certifications, Assessments assessments, ReassessmentTasks tasks,
                     PrivacyCatalog catalog, AttachmentService files, VendorHistory history, EntityLinks links) {
        this.links = links;
        this.vendors = vendors;
        this.services = services;
        this.processing = processing;
        this.subProcessors = subProcessors;
        this.contracts = contracts;
        this.certifications = certifications;
        this.assessments = assessments;
        this.tasks = tasks;
        this.catalog = catalog;
        this.files = files;
        this.history = history;
    }

    VendorRegistry vendors() {
        return vendors;
    }

    ProvidedServices services() {
        return services;
    }

    ProcessingRegister processing() {
        return processing;
    }

    SubProcessors subProcessors() {
        return subProcessors;
    }

    Contracts contracts() {
        return contracts;
    }

    Certifications certifications() {
        return certifications;
    }

    Assessments assessments() {
        return assessments;
    }

    ReassessmentTasks tasks() {
        return tasks;
    }

    PrivacyCatalog catalog() {
        return catalog;
    }

    AttachmentService files() {
        return files;
    }

    VendorHistory history() {
        return history;
    }

    EntityLinks links() {
        return links;
    }
}

package dev.steward.incidents.ui;

import com.vaadin.flow.component.Component;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.documents.NoticeDocuments;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.CustodyLog;
import dev.steward.incidents.work.TaskService;
import dev.steward.incidents.work.Timeline;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.ui.LinkedRecordsPanel;
import dev.steward.incidents.integration.IncidentLinks;

import dev.steward.incidents.IncidentPermissions;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.WhoCan;

import java.util.List;
import java.util.Optional;

/** Builds the tabs of an incident's page from the plugin's services. */
@org.springframework.stereotype.Component
class IncidentPanels {

    record Panel(String title, Component content) {
    }

    private final IncidentService incidents;
    private final AssessmentService assessments;
    private final ObligationService obligations;
    private final TaskService tasks;
    private final Timeline timeline;
    private final CustodyLog custody;
    private final NoticeDocuments documents;
    private final AttachmentService files;
    private final PrivacyCatalog catalog;
    private final EntityLinks links;
    private final PermissionCatalog permissions;

    IncidentPanels(IncidentService incidents, AssessmentService assessments, ObligationService obligations, TaskService tasks,
                   Timeline timeline, CustodyLog custody, NoticeDocuments documents, AttachmentService files, PrivacyCatalog catalog, EntityLinks links,
                   PermissionCatalog permissions) {
        this.permissions = permissions;
        this.links = links;
        this.documents = documents;
        this.incidents = incidents;
        this.assessments = assessments;
        this.obligations = obligations;
        this.tasks = tasks;
        this.timeline = timeline;
        this.custody = custody;
        this.files = files;
        this.catalog = catalog;
    }

    /** The current user's right to {@code permission} and the roles that hold it, for saying who can. */
    WhoCan whoCan(String permission) {
        return WhoCan.permission(permissions, permission);
    }

    Optional<Incident> find(long id) {
        return incidents.find(id);
    }

    List<Panel> panelsFor(Incident incident, Runnable changed) {
        return List.of(
                new Panel("Facts", new FactsPanel(incidents, catalog, incident, changed)),
                new Panel("Assessment", new AssessmentPanel(assessments, incident, whoCan(IncidentPermissions.ASSESS), changed)),
                new Panel("Notifications", new ObligationsPanel(obligations, documents, incident, whoCan(IncidentPermissions.NOTIFY), changed)),
                new Panel("Tasks", new TasksPanel(tasks, incident, changed)),
                new Panel("Timeline", new TimelinePanel(timeline, incident)),
                new Panel("Evidence", new EvidencePanel(files, custody, incident)),
                new Panel("Linked records", new LinkedRecordsPanel(links, EntityRef.of(IncidentLinks.TYPE, incident.id()))));
    }
}

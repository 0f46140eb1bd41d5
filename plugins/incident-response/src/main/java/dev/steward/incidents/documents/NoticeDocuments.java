package dev.steward.incidents.documents;

import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentReader;
import dev.steward.incidents.db.tables.records.NoticeTemplateRecord;
import dev.steward.incidents.obligations.NotificationRule.RecipientKind;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.CustodyLog;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry.Kind;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.export.PdfReport;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import static dev.steward.incidents.db.Tables.NOTICE_TEMPLATE;

/**
 * The notices themselves: drafted from an editable template and the incident's facts, edited by the officer, then
 * issued as a PDF kept with the incident's evidence and linked to the obligation it answers.
 */
@Service
public class NoticeDocuments {

    /** A filled template; {@code missing} names the required items the incident does not state yet. */
    public record Draft(String text, List<String> missing) {
    }

    private final DSLContext dsl;
    private final IncidentReader incidents;
    private final ObligationService obligations;
    private final PrivacyCatalog catalog;
    private final AttachmentService files;
    private final Timeline timeline;
    private final CustodyLog custody;

    NoticeDocuments(DSLContext dsl, IncidentReader incidents, ObligationService obligations,
                    PrivacyCatalog catalog, AttachmentService files, Timeline timeline, CustodyLog custody) {
        this.custody = custody;
        this.dsl = dsl;
        this.incidents = incidents;
        this.obligations = obligations;
        this.catalog = catalog;
        this.files = files;
        this.timeline = timeline;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<NoticeTemplate> templates() {
        return dsl.selectFrom(NOTICE_TEMPLATE).orderBy(NOTICE_TEMPLATE.RECIPIENT_KIND, NOTICE_TEMPLATE.NAME)
                .fetch(NoticeDocuments::toTemplate);
    }

    /** Adds ({@code id} null) or edits a template; an edit must present the version it started from. */
    @PreAuthorize(IncidentPermissions.MAY_MANAGE_RULES)
    @Transactional
    public NoticeTemplate save(NoticeTemplate template) {
        if (template.name() == null || template.name().isBlank() || template.name().length() > 200) {
            throw new IllegalArgumentException("The template needs a name of at most 200 characters");
        }
        if (template.body() == null || template.body().isBlank()) {
            throw new IllegalArgumentException("The template is empty");
        }
        if (template.recipientKind() == null) {
            throw new IllegalArgumentException("Choose who the template is for");
        }
        List<String> unknown = java.util.regex.Pattern.compile("\\{\\{([a-z_]+)}}").matcher(template.body()).results()
                .map(m -> m.group(1)).filter(p -> !NoticeText.PLACEHOLDERS.contains(p)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown placeholder(s): " + String.join(", ", unknown)
                    + ". Known: " + String.join(", ", NoticeText.PLACEHOLDERS));
        }
        NoticeTemplateRecord r;
        if (template.id() == null) {
            r = dsl.newRecord(NOTICE_TEMPLATE);
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(NOTICE_TEMPLATE).where(NOTICE_TEMPLATE.ID.eq(template.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("The template no longer exists"));
            if (r.getVersion() != template.version()) {
                throw new ConcurrentChangeException("Someone else changed this template in the meantime; reload it and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setRecipientKind(template.recipientKind());
        r.setName(template.name().strip());
        r.setBody(template.body());
        r.setUpdatedBy(CurrentUser.username().orElse("system"));
        r.setUpdatedAt(Instant.now());
        r.store();
        return toTemplate(r);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Draft draft(long obligationId, long templateId) {
        Obligation obligation = obligation(obligationId);
        Incident incident = incidents.require(obligation.incidentId());
        NoticeTemplate template = dsl.selectFrom(NOTICE_TEMPLATE).where(NOTICE_TEMPLATE.ID.eq(templateId)).fetchOptional(NoticeDocuments::toTemplate)
                .orElseThrow(() -> new IllegalArgumentException("Template " + templateId + " does not exist"));
        NoticeText.Draft filled = NoticeText.fill(template.body(), incident, obligation,
                code -> name(CatalogKind.DATA_CATEGORY, code), code -> name(CatalogKind.SUBJECT_TYPE, code), Instant.now());
        return new Draft(filled.text(), filled.missing());
    }

    /**
     * Issues the (edited) text as a PDF: stored as evidence of the incident, linked to the obligation, and the first
     * entry of its chain of custody (with its SHA-256).
     */
    @PreAuthorize(IncidentPermissions.MAY_NOTIFY)
    @Transactional
    public Attachment issue(long obligationId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The notice is empty");
        }
        Obligation obligation = obligation(obligationId);
        Incident incident = incidents.require(obligation.incidentId());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PdfReport report = PdfReport.letter(pdf, incident.reference() + " · " + obligation.recipient())) {
            report.text(text);
        }
        String fileName = incident.reference() + "-" + obligation.regime().replaceAll("[^A-Za-z0-9]+", "-") + "-"
                + obligation.recipient().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf";
        Attachment stored;
        try {
            stored = files.upload(CustodyLog.owner(incident.id()), fileName, new ByteArrayInputStream(pdf.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        obligations.attachDocument(obligationId, stored.id());
        custody.recordIssued(incident.id(), stored, "Notice for " + obligation.label() + " issued as PDF");
        timeline.record(incident.id(), Kind.FILE, "Notice generated for " + obligation.label() + ": " + stored.fileName()
                + " (SHA-256 " + stored.sha256() + ")");
        return stored;
    }

    private Obligation obligation(long obligationId) {
        return obligations.find(obligationId).orElseThrow(() -> new IllegalArgumentException("Obligation " + obligationId + " does not exist"));
    }

    private String name(CatalogKind kind, String code) {
        return catalog.find(kind, code).map(CatalogEntry::name).orElse(code);
    }

    private static NoticeTemplate toTemplate(NoticeTemplateRecord r) {
        return new NoticeTemplate(r.getId(), r.getRecipientKind(), r.getName(), r.getBody(), r.getVersion());
    }
}

package dev.steward.vendors.imports;

import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.SafeCsv;
import dev.steward.vendors.VendorPermissions;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything in the registry as a zip of CSV files: {@code vendors.csv} in the import format (it reads back in), and
 * contracts, certifications, sub-processor links, assessments with findings, and tier history.
 */
@Service
public class RegistryExport {

    private final DSLContext dsl;

    RegistryExport(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public long writeZip(OutputStream out, ExportProgress progress) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        long rows = 0;
        rows += entry(zip, "vendors.csv", VendorCsv.COLUMNS.toArray(String[]::new), """
                select v.legal_name, v.trading_name, v.website, v.hq_country, lower(v.status), lower(v.criticality), lower(v.access_level),
                       coalesce(pe.email, pe.employee_id), v.description, v.next_review_on, s.name, s.description, lower(p.relationship),
                       array_to_string(p.data_categories, ';'), array_to_string(p.subject_types, ';'),
                       (select string_agg(pp.purpose || ':' || pp.legal_basis, ';' order by pp.purpose) from vendors.processing_purpose pp
                        where pp.processing_id = p.id),
                       lower(p.volume), array_to_string(p.processing_countries, ';'), array_to_string(p.storage_countries, ';'), p.transfer_mechanism
                from vendors.vendor v left join platform.person pe on pe.id = v.owner_person_id
                left join vendors.vendor_service s on s.vendor_id = v.id left join vendors.processing p on p.service_id = s.id
                order by v.legal_name, v.id, s.name, p.id""", progress, rows);
        rows += entry(zip, "contracts.csv", new String[]{"vendor", "type", "title", "status", "signed_on", "effective_on", "ends_on", "auto_renewal",
                "renewal_months", "notice_days"}, """
                select v.legal_name, c.type, c.title, c.status, c.signed_on, c.effective_on, c.ends_on, c.auto_renewal, c.renewal_months, c.notice_days
                from vendors.contract c join vendors.vendor v on v.id = c.vendor_id order by v.legal_name, c.type, c.id""", progress, rows);
        rows += entry(zip, "certifications.csv", new String[]{"vendor", "type", "name", "valid_from", "valid_to", "period_start", "period_end"}, """
                select v.legal_name, c.type, c.name, c.valid_from, c.valid_to, c.period_start, c.period_end
                from vendors.certification c join vendors.vendor v on v.id = c.vendor_id order by v.legal_name, c.valid_to""", progress, rows);
        rows += entry(zip, "sub_processors.csv", new String[]{"vendor", "service", "relies_on_vendor", "relies_on_service", "purpose"}, """
                select v.legal_name, s.name, sv.legal_name, ss.name, l.purpose from vendors.sub_processor l
                join vendors.vendor_service s on s.id = l.service_id join vendors.vendor v on v.id = s.vendor_id
                join vendors.vendor_service ss on ss.id = l.sub_service_id join vendors.vendor sv on sv.id = ss.vendor_id
                order by v.legal_name, s.name, sv.legal_name, ss.name""", progress, rows);
        rows += entry(zip, "assessments.csv", new String[]{"vendor", "assessed_at", "assessed_by", "factors", "inherent_score", "inherent_tier",
                "residual_tier", "summary", "next_review_on", "finding", "severity", "remediation_owner", "due_on", "finding_status"}, """
                select v.legal_name, a.assessed_at, a.assessed_by, a.factors, a.inherent_score, a.inherent_tier, a.residual_tier, a.summary,
                       a.next_review_on, f.title, f.severity, pe.full_name, f.due_on, f.status
                from vendors.assessment a join vendors.vendor v on v.id = a.vendor_id left join vendors.finding f on f.assessment_id = a.id
                left join platform.person pe on pe.id = f.owner_person_id order by v.legal_name, a.assessed_at, f.id""", progress, rows);
        rows += entry(zip, "tier_history.csv", new String[]{"vendor", "changed_at", "changed_by", "from_tier", "to_tier", "reason"}, """
                select v.legal_name, t.changed_at, t.changed_by, t.from_tier, t.to_tier, t.reason from vendors.tier_change t
                join vendors.vendor v on v.id = t.vendor_id order by v.legal_name, t.changed_at""", progress, rows);
        zip.finish();
        return rows;
    }

    private long entry(ZipOutputStream zip, String name, String[] header, String sql, ExportProgress progress, long before) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        SafeCsv csv = SafeCsv.open(zip, header);
        long rows = 0;
        try (Cursor<Record> cursor = dsl.fetchLazy(sql)) {
            for (Record r : cursor) {
                if (progress.cancelled()) {
                    break;
                }
                csv.row(r.intoArray());
                if (++rows % 1000 == 0) {
                    progress.rowsWritten(before + rows);
                }
            }
        }
        csv.close();
        zip.closeEntry();
        progress.rowsWritten(before + rows);
        return rows;
    }
}

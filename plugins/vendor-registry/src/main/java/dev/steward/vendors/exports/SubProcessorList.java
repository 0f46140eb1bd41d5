package dev.steward.vendors.exports;

import dev.steward.platform.export.PdfReport;
import dev.steward.platform.export.SafeCsv;
import dev.steward.vendors.Countries;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.processing.TransferMechanism;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The public sub-processor list for customers: every active or offboarding vendor that processes personal data as our
 * processor or sub-processor, with what it does, where, and the transfer safeguard. No internal risk or contract data.
 */
@Service
public class SubProcessorList {

    private final DSLContext dsl;

    SubProcessorList(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Entry(String vendor, String hqCountry, String services, String purposes, String locations, String safeguards) {
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public List<Entry> entries() {
        return dsl.resultQuery("""
                select v.legal_name, v.hq_country, string_agg(distinct s.name, '; ' order by s.name) services,
                       (select string_agg(distinct ce.name, '; ' order by ce.name) from vendors.vendor_service s2
                        join vendors.processing p2 on p2.service_id = s2.id and p2.relationship in ('PROCESSOR', 'SUB_PROCESSOR')
                        join vendors.processing_purpose pp on pp.processing_id = p2.id
                        join platform.catalog_entry ce on ce.kind = 'PURPOSE' and ce.code = pp.purpose where s2.vendor_id = v.id) purposes,
                       array_agg(distinct c) filter (where c is not null) countries,
                       string_agg(distinct p.transfer_mechanism, '; ' order by p.transfer_mechanism) mechanisms
                from vendors.vendor v join vendors.vendor_service s on s.vendor_id = v.id
                join vendors.processing p on p.service_id = s.id and p.relationship in ('PROCESSOR', 'SUB_PROCESSOR')
                left join lateral unnest(p.processing_countries || p.storage_countries) c on true
                where v.status in ('ACTIVE', 'OFFBOARDING')
                group by v.id, v.legal_name, v.hq_country order by v.legal_name""")
                .fetch(r -> {
                    String[] countries = (String[]) r.get("countries");
                    return new Entry(r.get(0, String.class), r.get(1, String.class) == null ? "" : Countries.name(r.get(1, String.class)),
                            r.get("services", String.class), r.get("purposes", String.class) == null ? "" : r.get("purposes", String.class),
                            countries == null ? "" : Arrays.stream(countries).sorted().map(Countries::name).collect(Collectors.joining(", ")),
                            safeguards(r.get("mechanisms", String.class)));
                });
    }

    /** "Standard contractual clauses (Art. 46); Binding corporate rules (Art. 47)": customers read the list, not codes. */
    private static String safeguards(String codes) {
        return codes == null ? "" : Arrays.stream(codes.split("; ")).map(c -> TransferMechanism.valueOf(c).label())
                .collect(Collectors.joining("; "));
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public void writeCsv(OutputStream out) {
        SafeCsv csv = SafeCsv.open(out, "sub_processor", "headquarters", "services", "purposes", "processing_locations", "transfer_safeguards");
        entries().forEach(e -> csv.row(e.vendor(), e.hqCountry(), e.services(), e.purposes(), e.locations(), e.safeguards()));
        csv.close();
    }

    @PreAuthorize(VendorPermissions.MAY_READ_REGISTER)
    @Transactional(readOnly = true)
    public void writePdf(OutputStream out) {
        List<Entry> entries = entries();
        try (PdfReport pdf = PdfReport.start(out, "Sub-processors")) {
            pdf.meta("As of", LocalDate.now()).meta("Sub-processors", entries.size())
                    .table("Sub-processor", "Headquarters", "Services", "Purposes", "Processing locations", "Transfer safeguards");
            entries.forEach(e -> pdf.row(e.vendor(), e.hqCountry(), e.services(), e.purposes(), e.locations(), e.safeguards()));
        }
    }
}

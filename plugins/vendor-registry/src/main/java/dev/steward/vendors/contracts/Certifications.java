package dev.steward.vendors.contracts;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.CertificationRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.vendors.db.Tables.CERTIFICATION;

/** Certificates and assurance reports of vendors (ISO 27001, SOC 2 Type II, PCI DSS, others). */
@Service
public class Certifications {

    private final DSLContext dsl;
    private final VendorAccess access;

    Certifications(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Certification> ofVendor(long vendorId) {
        access.requireRead(vendorId);
        return dsl.selectFrom(CERTIFICATION).where(CERTIFICATION.VENDOR_ID.eq(vendorId)).orderBy(CERTIFICATION.VALID_TO.desc())
                .fetch(Certifications::toCertification);
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public Certification save(CertificationForm form) {
        access.requireEdit(form.vendorId());
        Inputs.present("type", form.type(), "Choose the certificate or report");
        String name = form.type() == CertificationType.OTHER
                ? Inputs.required("name", form.name(), "Name the certificate or report, e.g. ISO/IEC 27701", 200) : null;
        Inputs.present("validFrom", form.validFrom(), "Give the date it is valid from");
        Inputs.present("validTo", form.validTo(), "Give the date it is valid until");
        if (form.validTo().isBefore(form.validFrom())) {
            throw new InvalidInputException("validTo", "Valid until " + form.validTo() + " is before valid from " + form.validFrom());
        }
        if (form.type() == CertificationType.SOC2_TYPE2) {
            Inputs.present("periodStart", form.periodStart(), "A SOC 2 Type II report covers a period: give its start");
            Inputs.present("periodEnd", form.periodEnd(), "A SOC 2 Type II report covers a period: give its end");
            if (!form.periodEnd().isAfter(form.periodStart())) {
                throw new InvalidInputException("periodEnd", "The report period must end after it starts");
            }
        }
        CertificationRecord r;
        if (form.id() == null) {
            r = dsl.newRecord(CERTIFICATION);
            r.setVendorId(form.vendorId());
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(CERTIFICATION).where(CERTIFICATION.ID.eq(form.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new InvalidInputException("certification", "The certification no longer exists"));
            if (r.getVendorId() != form.vendorId()) {
                throw new InvalidInputException("certification", "The certification belongs to another vendor");
            }
            if (r.getVersion() != form.version()) {
                throw new ConcurrentChangeException("Someone else changed this certification in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setType(form.type());
        r.setName(name);
        r.setValidFrom(form.validFrom());
        r.setValidTo(form.validTo());
        boolean period = form.type() == CertificationType.SOC2_TYPE2;
        r.setPeriodStart(period ? form.periodStart() : null);
        r.setPeriodEnd(period ? form.periodEnd() : null);
        r.store();
        return toCertification(r);
    }

    static Certification toCertification(CertificationRecord r) {
        return new Certification(r.getId(), r.getVendorId(), r.getType(), r.getName(), r.getValidFrom(),
                r.getValidTo(), r.getPeriodStart(), r.getPeriodEnd(), r.getVersion());
    }
}

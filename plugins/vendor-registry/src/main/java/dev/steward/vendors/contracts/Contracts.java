package dev.steward.vendors.contracts;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.ContractRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.TransferMechanism;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

import static dev.steward.vendors.db.Tables.CONTRACT;
import static dev.steward.vendors.db.Tables.PROCESSING;
import static dev.steward.vendors.db.Tables.VENDOR_SERVICE;

/** Contracts of vendors and the DPA status derived from them. */
@Service
public class Contracts {


    private final DSLContext dsl;
    private final VendorAccess access;

    Contracts(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Contract> ofVendor(long vendorId) {
        access.requireRead(vendorId);
        LocalDate today = LocalDate.now();
        return dsl.selectFrom(CONTRACT).where(CONTRACT.VENDOR_ID.eq(vendorId)).orderBy(CONTRACT.TYPE, CONTRACT.ID)
                .fetch(r -> toContract(r, today));
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public DpaState dpaState(long vendorId) {
        access.requireRead(vendorId);
        return dpaStateAsOf(vendorId, LocalDate.now());
    }

    /** For the plugin's own jobs and views that checked access already: any vendor, so only for readers of all. */
    @PreAuthorize(VendorPermissions.MAY_READ_EVERY_VENDOR)
    public DpaState dpaStateAsOf(long vendorId, LocalDate today) {
        boolean required = dsl.fetchExists(PROCESSING.join(VENDOR_SERVICE).on(VENDOR_SERVICE.ID.eq(PROCESSING.SERVICE_ID)),
                VENDOR_SERVICE.VENDOR_ID.eq(vendorId).and(PROCESSING.RELATIONSHIP.in(Relationship.PROCESSOR, Relationship.SUB_PROCESSOR)));
        boolean jointControl = dsl.fetchExists(PROCESSING.join(VENDOR_SERVICE).on(VENDOR_SERVICE.ID.eq(PROCESSING.SERVICE_ID)),
                VENDOR_SERVICE.VENDOR_ID.eq(vendorId).and(PROCESSING.RELATIONSHIP.eq(Relationship.JOINT_CONTROLLER)));
        List<ContractTerms.Term> dpas = dsl.selectFrom(CONTRACT).where(CONTRACT.VENDOR_ID.eq(vendorId).and(CONTRACT.TYPE.eq(ContractType.DPA)))
                .fetch(r -> term(r, today));
        return DpaStatusRule.derive(required, jointControl, dpas, today);
    }

    /**
     * Whether some transfer relies on standard contractual clauses while no signed SCCs are in force with the vendor:
     * the mechanism on paper without the paper.
     */
    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public boolean sccMissing(long vendorId) {
        access.requireRead(vendorId);
        LocalDate today = LocalDate.now();
        boolean reliedOn = dsl.fetchExists(PROCESSING.join(VENDOR_SERVICE).on(VENDOR_SERVICE.ID.eq(PROCESSING.SERVICE_ID)),
                VENDOR_SERVICE.VENDOR_ID.eq(vendorId).and(PROCESSING.TRANSFER_MECHANISM.eq(TransferMechanism.SCC)));
        return reliedOn && dsl.selectFrom(CONTRACT).where(CONTRACT.VENDOR_ID.eq(vendorId).and(CONTRACT.TYPE.eq(ContractType.SCC)))
                .fetch(r -> term(r, today)).stream().noneMatch(t -> t.standing() == ContractTerms.Standing.IN_FORCE);
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public Contract save(ContractForm form) {
        access.requireEdit(form.vendorId());
        check(form);
        ContractRecord r;
        if (form.id() == null) {
            r = dsl.newRecord(CONTRACT);
            r.setVendorId(form.vendorId());
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(CONTRACT).where(CONTRACT.ID.eq(form.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new InvalidInputException("contract", "The contract no longer exists"));
            if (r.getVendorId() != form.vendorId()) {
                throw new InvalidInputException("contract", "The contract belongs to another vendor");
            }
            if (r.getVersion() != form.version()) {
                throw new ConcurrentChangeException("Someone else changed this contract in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setType(form.type());
        r.setTitle(Inputs.optional("title", form.title(), 300));
        r.setStatus(form.status());
        r.setSignedOn(form.signedOn());
        r.setEffectiveOn(form.effectiveOn());
        r.setEndsOn(form.endsOn());
        r.setAutoRenewal(form.autoRenewal());
        r.setRenewalMonths(form.autoRenewal() ? (short) (form.renewalMonths() == null ? 12 : form.renewalMonths()) : null);
        r.setNoticeDays(form.noticeDays() == null ? null : form.noticeDays().shortValue());
        r.store();
        return toContract(r, LocalDate.now());
    }

    private static void check(ContractForm f) {
        Inputs.present("type", f.type(), "Choose the type of contract");
        Inputs.present("status", f.status(), "Choose the status of the contract");
        if (f.status() != ContractStatus.DRAFT && f.signedOn() == null) {
            throw new InvalidInputException("signedOn", "A signed contract needs the date it was signed");
        }
        if (f.signedOn() != null && f.signedOn().isAfter(LocalDate.now())) {
            throw new InvalidInputException("signedOn", "The signing date " + f.signedOn() + " is in the future");
        }
        if (f.effectiveOn() != null && f.endsOn() != null && f.endsOn().isBefore(f.effectiveOn())) {
            throw new InvalidInputException("endsOn", "The end date " + f.endsOn() + " is before the effective date " + f.effectiveOn());
        }
        if (f.autoRenewal() && f.endsOn() == null) {
            throw new InvalidInputException("endsOn", "An auto-renewing contract needs the end of its first term");
        }
        if (f.renewalMonths() != null && (f.renewalMonths() < 1 || f.renewalMonths() > 120)) {
            throw new InvalidInputException("renewalMonths", "A renewal term is 1 to 120 months");
        }
        if (f.noticeDays() != null && (f.noticeDays() < 0 || f.noticeDays() > 730)) {
            throw new InvalidInputException("noticeDays", "A notice period is 0 to 730 days");
        }
        if (f.noticeDays() != null && f.endsOn() == null) {
            throw new InvalidInputException("noticeDays", "A notice period needs the end date it counts back from");
        }
    }

    static ContractTerms.Term term(ContractRecord r, LocalDate today) {
        return ContractTerms.of(r.getStatus(), r.getEffectiveOn(), r.getEndsOn(), r.getAutoRenewal(),
                r.getRenewalMonths() == null ? null : r.getRenewalMonths().intValue(), r.getNoticeDays() == null ? null : r.getNoticeDays().intValue(), today);
    }

    static Contract toContract(ContractRecord r, LocalDate today) {
        return new Contract(r.getId(), r.getVendorId(), r.getType(), r.getTitle(), r.getStatus(),
                r.getSignedOn(), r.getEffectiveOn(), r.getEndsOn(), r.getAutoRenewal(),
                r.getRenewalMonths() == null ? null : r.getRenewalMonths().intValue(), r.getNoticeDays() == null ? null : r.getNoticeDays().intValue(),
                term(r, today), r.getVersion());
    }
}

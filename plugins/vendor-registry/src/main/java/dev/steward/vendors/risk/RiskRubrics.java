package dev.steward.vendors.risk;

import java.time.Instant;
import dev.steward.platform.security.CurrentUser;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.RiskRubricRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import static dev.steward.vendors.db.Tables.RISK_RUBRIC;

/** The stored risk rubric: read by everyone who reads vendors, changed by registry administrators. */
@Service
public class RiskRubrics {


    private final DSLContext dsl;

    RiskRubrics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public RiskRubric current() {
        return load();
    }

    /** Changes apply to assessments from now on; earlier assessments keep the score they were given. */
    @PreAuthorize(VendorPermissions.MAY_ADMINISTER)
    @Transactional
    public RiskRubric save(RiskRubric rubric) {
        rubric.check();
        RiskRubricRecord r = dsl.selectFrom(RISK_RUBRIC).forUpdate().fetchSingle();
        if (r.getVersion() != rubric.version()) {
            throw new ConcurrentChangeException("Someone else changed the rubric in the meantime; reload and try again");
        }
        r.setWeightSensitivity((short) rubric.weightSensitivity());
        r.setWeightVolume((short) rubric.weightVolume());
        r.setWeightAccess((short) rubric.weightAccess());
        r.setWeightCriticality((short) rubric.weightCriticality());
        r.setWeightLocation((short) rubric.weightLocation());
        r.setTier1Min((short) rubric.tier1Min());
        r.setTier2Min((short) rubric.tier2Min());
        r.setTier3Min((short) rubric.tier3Min());
        r.setReviewMonthsTier1((short) rubric.reviewMonthsTier1());
        r.setReviewMonthsTier2((short) rubric.reviewMonthsTier2());
        r.setReviewMonthsTier3((short) rubric.reviewMonthsTier3());
        r.setReviewMonthsTier4((short) rubric.reviewMonthsTier4());
        r.setUpdatedBy(CurrentUser.username().orElse("system"));
        r.setUpdatedAt(Instant.now());
        r.setVersion(r.getVersion() + 1);
        r.store();
        return toRubric(r);
    }

    /** For the plugin's own services that checked access already. */
    RiskRubric load() {
        return toRubric(dsl.selectFrom(RISK_RUBRIC).fetchSingle());
    }

    static RiskRubric toRubric(RiskRubricRecord r) {
        return new RiskRubric(r.getWeightSensitivity(), r.getWeightVolume(), r.getWeightAccess(), r.getWeightCriticality(), r.getWeightLocation(),
                r.getTier1Min(), r.getTier2Min(), r.getTier3Min(), r.getReviewMonthsTier1(), r.getReviewMonthsTier2(), r.getReviewMonthsTier3(),
                r.getReviewMonthsTier4(), r.getVersion());
    }
}

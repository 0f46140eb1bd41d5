package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.VerificationRuleRecord;
import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.steward.dsr.db.Tables.VERIFICATION_RULE;

/** The verification rules as data: the current version per regime and request type, their history, and new versions. */
@Service
public class VerificationRules {

    private final DSLContext dsl;

    VerificationRules(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The current rule for {@code regime} and {@code type}; empty when none was ever set (two points by reasonable means then). */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<VerificationRule> current(Regime regime, RequestType type) {
        return latest(regime, type);
    }

    /** The current rules for each of {@code types}, for the services of this package (which checked their own permission). */
    List<VerificationRule> applying(Regime regime, Collection<RequestType> types) {
        return types.stream().sorted().map(t -> latest(regime, t)).flatMap(Optional::stream).toList();
    }

    private Optional<VerificationRule> latest(Regime regime, RequestType type) {
        return dsl.selectFrom(VERIFICATION_RULE)
                .where(VERIFICATION_RULE.REGIME.eq(regime.name()), VERIFICATION_RULE.REQUEST_TYPE.eq(type.name()))
                .orderBy(VERIFICATION_RULE.VERSION.desc()).limit(1).fetchOptional(VerificationRules::toRule);
    }

    /** Every rule's current version, by regime and type. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<VerificationRule> allCurrent() {
        var latest = VERIFICATION_RULE.as("latest");
        return dsl.selectFrom(VERIFICATION_RULE)
                .whereNotExists(dsl.selectOne().from(latest).where(latest.REGIME.eq(VERIFICATION_RULE.REGIME),
                        latest.REQUEST_TYPE.eq(VERIFICATION_RULE.REQUEST_TYPE), latest.VERSION.gt(VERIFICATION_RULE.VERSION)))
                .orderBy(VERIFICATION_RULE.REGIME, VERIFICATION_RULE.REQUEST_TYPE).fetch(VerificationRules::toRule);
    }

    /** Every version of one rule, newest first. */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<VerificationRule> history(Regime regime, RequestType type) {
        return dsl.selectFrom(VERIFICATION_RULE)
                .where(VERIFICATION_RULE.REGIME.eq(regime.name()), VERIFICATION_RULE.REQUEST_TYPE.eq(type.name()))
                .orderBy(VERIFICATION_RULE.VERSION.desc()).fetch(VerificationRules::toRule);
    }

    /** Adds the next version of a rule; requests already decided keep the version they were decided under. */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public VerificationRule change(RuleForm form) {
        Inputs.present("form", form, "Fill in the rule");
        Inputs.present("regime", form.regime(), "Choose the law");
        Inputs.present("type", form.type(), "Choose the request type");
        Inputs.present("onFailure", form.onFailure(), "Say what happens when the requester cannot be verified");
        if (form.pointsRequired() < 0 || form.pointsRequired() > 10) {
            throw new InvalidInputException("pointsRequired", "Between 0 and 10 data points");
        }
        if (form.onFailure() == FailureAction.TREAT_AS_OPT_OUT && form.type() != RequestType.DELETION) {
            throw new InvalidInputException("onFailure", "Only an unverified deletion request can be treated as an opt-out");
        }
        String reason = Inputs.required("failureReason", form.failureReason(), "Write what the requester is told when verification fails", 1000);
        String citation = Inputs.required("citation", form.citation(), "Cite the law or the policy the rule follows", 500);
        String why = Inputs.required("changeReason", form.changeReason(), "Say why the rule changes", 1000);
        // the versions so far, locked: two administrators changing the same rule take turns instead of colliding
        int version = dsl.select(VERIFICATION_RULE.VERSION).from(VERIFICATION_RULE)
                .where(VERIFICATION_RULE.REGIME.eq(form.regime().name()), VERIFICATION_RULE.REQUEST_TYPE.eq(form.type().name()))
                .forUpdate().fetch(VERIFICATION_RULE.VERSION).stream().mapToInt(Integer::intValue).max().orElse(0);
        if (version != form.basedOnVersion()) {
            throw new ConcurrentChangeException("Someone else changed this rule in the meantime (now version " + version + "); reload and try again");
        }
        VerificationRuleRecord r = dsl.newRecord(VERIFICATION_RULE);
        r.setRegime(form.regime().name());
        r.setRequestType(form.type().name());
        r.setVersion(version + 1);
        r.setPointsRequired(form.pointsRequired());
        r.setDeclarationRequired(form.declarationRequired());
        r.setAgentProofRequired(form.agentProofRequired());
        r.setConsumerConfirmation(form.consumerConfirmation());
        r.setParentProofRequired(form.parentProofRequired());
        r.setHouseholdAllMembers(form.householdAllMembers());
        r.setOnFailure(form.onFailure().name());
        r.setFailureReason(reason);
        r.setCitation(citation);
        r.setChangedBy(CurrentUser.username().orElseThrow());
        r.setChangedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        r.setChangeReason(why);
        r.store();
        return toRule(r);
    }

    static VerificationRule toRule(VerificationRuleRecord r) {
        return new VerificationRule(r.getId(), Regime.valueOf(r.getRegime()), RequestType.valueOf(r.getRequestType()), r.getVersion(),
                r.getPointsRequired(), r.getDeclarationRequired(), r.getAgentProofRequired(), r.getConsumerConfirmation(),
                r.getParentProofRequired(), r.getHouseholdAllMembers(), FailureAction.valueOf(r.getOnFailure()), r.getFailureReason(),
                r.getCitation(), r.getChangedBy(), r.getChangedAt(), r.getChangeReason());
    }
}

package dev.steward.incidents.obligations;

import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.OurRole;
import dev.steward.incidents.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded notification rules (V2 migration) through the engine: which notices a set of facts calls for and when
 * each is due. Every expected instant is worked out by hand in the comment beside it.
 */
class ObligationRulesTableTest extends IncidentServiceTestBase {

    private ObligationEngine engine;
    private RuleService rules;

    @BeforeEach
    void loadRules() {
        loginAs("olivia", dev.steward.platform.security.Role.PRIVACY_OFFICER);
        rules = bean(RuleService.class);
        engine = new ObligationEngine(rules.eeaCodes());
    }

    @Test
    void gdpr_authority_is_due_72_elapsed_hours_after_awareness_across_the_spring_dst_change() {
        // Brussels moves to summer time on 2026-03-29 at 01:00 UTC; 72 hours stay 72 hours
        Instant aware = Instant.parse("2026-03-28T10:00:00Z");
        var facts = controller(aware.minus(Duration.ofHours(5)), aware, null, RiskLevel.RISK, Map.of("DE", 1200));

        Proposal authority = only(engine.propose(facts, rules.current()), "gdpr.authority", "EEA");

        assertThat(authority.due()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
        assertThat(authority.due().atZone(ZoneId.of("Europe/Brussels")).getHour()).isEqualTo(12); // 11:00 CET + 1h DST
        assertThat(authority.basis()).contains("1,200 individual(s) affected in the EEA").contains("GDPR Art. 33(1)");
    }

    @Test
    void gdpr_authority_is_not_owed_when_the_breach_is_unlikely_to_result_in_a_risk_and_subjects_only_for_high_risk() {
        Instant aware = Instant.parse("2026-05-04T08:00:00Z");
        assertThat(keys(engine.propose(controller(aware, aware, null, RiskLevel.NONE, Map.of("FR", 10)), rules.current())))
                .doesNotContain("gdpr.authority", "gdpr.subjects");
        assertThat(keys(engine.propose(controller(aware, aware, null, RiskLevel.RISK, Map.of("FR", 10)), rules.current())))
                .contains("gdpr.authority").doesNotContain("gdpr.subjects");
        assertThat(keys(engine.propose(controller(aware, aware, null, RiskLevel.HIGH_RISK, Map.of("FR", 10)), rules.current())))
                .contains("gdpr.authority", "gdpr.subjects");
        // no conclusion yet: the 72-hour clock is treated as running
        assertThat(keys(engine.propose(controller(aware, aware, null, null, Map.of("FR", 10)), rules.current())))
                .contains("gdpr.authority").doesNotContain("gdpr.subjects");
    }

    @Test
    void california_residents_get_30_calendar_days_from_discovery_and_the_attorney_general_15_days_after_their_notice_above_500() {
        // discovered 2026-02-10 10:00 PST; day 30 is 2026-03-12, after the US DST change (PDT, UTC-7)
        Instant discovered = Instant.parse("2026-02-10T18:00:00Z");
        Instant residentsNotified = Instant.parse("2026-03-01T17:00:00Z"); // 09:00 PST on 1 March
        var facts501 = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 501), Map.of("ca.residents", residentsNotified));
        var facts500 = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 500), Map.of("ca.residents", residentsNotified));

        List<Proposal> above = engine.propose(facts501, rules.current());
        assertThat(only(above, "ca.residents", "US-CA").due()).isEqualTo(Instant.parse("2026-03-13T06:59:59.999999Z"));
        assertThat(only(above, "ca.residents", "US-CA").rule().version()).isEqualTo(2);
        // 1 March + 15 days = 16 March, end of day PDT
        assertThat(only(above, "ca.ag", "US-CA").due()).isEqualTo(Instant.parse("2026-03-17T06:59:59.999999Z"));

        assertThat(keys(engine.propose(facts500, rules.current()))).contains("ca.residents").doesNotContain("ca.ag");
    }

    @Test
    void the_california_attorney_general_clock_waits_for_the_resident_notice() {
        Instant discovered = Instant.parse("2026-02-10T18:00:00Z");
        var facts = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 900), Map.of());
        Proposal ag = only(engine.propose(facts, rules.current()), "ca.ag", "US-CA");
        assertThat(ag.clockStart()).isNull();
        assertThat(ag.due()).isNull();
        assertThat(ag.basis()).contains("clock not started");
    }

    @Test
    void a_california_breach_discovered_before_2026_follows_the_earlier_version_without_undue_delay() {
        Instant discovered = Instant.parse("2025-11-03T18:00:00Z");
        var facts = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 900), Map.of());
        List<Proposal> proposals = engine.propose(facts, rules.current());
        Proposal residents = only(proposals, "ca.residents", "US-CA");
        assertThat(residents.rule().version()).isEqualTo(1);
        assertThat(residents.due()).isEqualTo(discovered.plus(Duration.ofHours(720))); // internal target
        assertThat(keys(proposals)).doesNotContain("ca.ag");
    }

    @Test
    void hipaa_notifies_hhs_within_60_days_from_500_individuals_and_logs_smaller_breaches_after_the_year_end() {
        Instant discovered = Instant.parse("2026-06-15T14:00:00Z");
        List<Proposal> at500 = engine.propose(phi(discovered, 500, Map.of("US-NY", 500)), rules.current());
        // 15 June + 60 days = 14 August, end of day EDT
        assertThat(only(at500, "hipaa.hhs", "*").due()).isEqualTo(Instant.parse("2026-08-15T03:59:59.999999Z"));
        assertThat(keys(at500)).contains("hipaa.individuals").doesNotContain("hipaa.hhs-log", "hipaa.media");

        List<Proposal> at499 = engine.propose(phi(discovered, 499, Map.of("US-NY", 499)), rules.current());
        assertThat(keys(at499)).contains("hipaa.hhs-log").doesNotContain("hipaa.hhs");
        // 31 December 2026 + 60 days = 1 March 2027, end of day EST
        assertThat(only(at499, "hipaa.hhs-log", "*").due()).isEqualTo(Instant.parse("2027-03-02T04:59:59.999999Z"));
    }

    @Test
    void hipaa_media_notice_is_per_state_with_more_than_500_residents_there() {
        Instant discovered = Instant.parse("2026-06-15T14:00:00Z");
        List<Proposal> proposals = engine.propose(phi(discovered, 1300, Map.of("US-TX", 501, "US-OK", 500, "US-NM", 299)), rules.current());
        assertThat(proposals).filteredOn(p -> p.rule().key().equals("hipaa.media")).extracting(Proposal::jurisdiction)
                .containsExactly("US-TX");
    }

    @Test
    void texas_attorney_general_from_250_residents_30_days_after_determination() {
        Instant discovered = Instant.parse("2026-04-01T15:00:00Z");
        Instant determined = Instant.parse("2026-04-03T15:00:00Z");
        var at249 = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, determined, RiskLevel.RISK, false, false, false,
                null, Map.of("US-TX", 249), Map.of());
        var at250 = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, determined, RiskLevel.RISK, false, false, false,
                null, Map.of("US-TX", 250), Map.of());
        assertThat(keys(engine.propose(at249, rules.current()))).contains("tx.individuals").doesNotContain("tx.ag");
        // 3 April + 30 days = 3 May, end of day CDT
        assertThat(only(engine.propose(at250, rules.current()), "tx.ag", "US-TX").due())
                .isEqualTo(Instant.parse("2026-05-04T04:59:59.999999Z"));
        var undetermined = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-TX", 250), Map.of());
        assertThat(only(engine.propose(undetermined, rules.current()), "tx.ag", "US-TX").due()).isNull();
    }

    @Test
    void encrypted_data_with_a_safe_key_is_exempt_from_state_and_subject_notices_but_not_once_the_key_is_compromised() {
        Instant discovered = Instant.parse("2026-04-01T15:00:00Z");
        var safe = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, discovered, RiskLevel.HIGH_RISK, false, true, false,
                null, Map.of("US-CA", 1000, "IE", 40), Map.of());
        var compromised = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, discovered, RiskLevel.HIGH_RISK, false, true, true,
                null, Map.of("US-CA", 1000, "IE", 40), Map.of());
        assertThat(keys(engine.propose(safe, rules.current()))).contains("gdpr.authority")
                .doesNotContain("ca.residents", "ca.ag", "gdpr.subjects");
        assertThat(keys(engine.propose(compromised, rules.current()))).contains("gdpr.authority", "ca.residents", "ca.ag", "gdpr.subjects");
    }

    @Test
    void a_processor_notifies_its_controller_and_not_the_authority() {
        Instant aware = Instant.parse("2026-04-01T15:00:00Z");
        var facts = new ImpactFacts(OurRole.PROCESSOR, aware, aware, null, RiskLevel.HIGH_RISK, false, false, false,
                null, Map.of("NL", 3000, "GB", 20), Map.of());
        List<Proposal> proposals = engine.propose(facts, rules.current());
        assertThat(keys(proposals)).containsExactlyInAnyOrder("gdpr.controller", "ukgdpr.controller");
        assertThat(only(proposals, "gdpr.controller", "EEA").due()).isEqualTo(aware.plus(Duration.ofHours(24)));
    }

    @Test
    void a_calendar_day_deadline_is_the_last_microsecond_of_the_day_so_the_database_keeps_it_as_computed() {
        // 23:59:59.999999999 would be stored rounded up to the next midnight, and each recompute would "move" it back
        Instant discovered = Instant.parse("2026-03-01T18:00:00Z");
        var facts = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 10), Map.of());
        Instant due = only(engine.propose(facts, rules.current()), "ca.residents", "US-CA").due();
        assertThat(due).isEqualTo(Instant.parse("2026-04-01T06:59:59.999999Z")); // 31 March, end of day PDT
        assertThat(due.getNano() % 1_000).isZero();
        assertThat(DueText.endOfDay(due, ZoneId.of("America/Los_Angeles"))).isEqualTo("end of 31 Mar 2026, Los Angeles time");
        // a due stored before the fix (the next midnight) is the same day
        assertThat(DueText.endOfDay(Instant.parse("2026-04-01T07:00:00Z"), ZoneId.of("America/Los_Angeles")))
                .isEqualTo("end of 31 Mar 2026, Los Angeles time");
    }

    @Test
    void rules_considered_that_do_not_apply_say_why_with_their_citation() {
        Instant discovered = Instant.parse("2026-04-01T15:00:00Z");
        var safe = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, discovered, RiskLevel.HIGH_RISK, false, true, false,
                null, Map.of("IE", 40, "US-CA", 500), Map.of());

        Evaluation evaluation = engine.evaluate(safe, rules.current());

        assertThat(keys(evaluation.owed())).containsExactly("gdpr.authority");
        assertThat(notOwed(evaluation, "gdpr.subjects", "EEA").text()).isEqualTo(
                "GDPR · Data subjects — not owed: the data was encrypted and the key is safe (GDPR Art. 34(1), 34(3))");
        assertThat(notOwed(evaluation, "gdpr.controller", "EEA").reason()).isEqualTo("we are the controller; this notice is a processor's duty");
        assertThat(notOwed(evaluation, "hipaa.individuals", "*").reason())
                .isEqualTo("no protected health information is involved; the data was encrypted and the key is safe");
        assertThat(notOwed(evaluation, "ca.ag", "US-CA").reason()).isEqualTo("the data was encrypted and the key is safe; "
                + "500 individual(s) affected in US-CA, fewer than the 501 this notice needs");
        // nobody affected in Texas or the UK: those rules were not considered at all
        assertThat(evaluation.notOwed()).extracting(NotOwed::ruleKey).doesNotContain("tx.individuals", "ukgdpr.ico", "ukgdpr.subjects");
    }

    @Test
    void the_risk_conclusion_the_role_and_a_hipaa_assessment_are_reasons_in_words() {
        Instant aware = Instant.parse("2026-05-04T08:00:00Z");
        var risk = controller(aware, aware, null, RiskLevel.RISK, Map.of("FR", 10));
        assertThat(notOwed(engine.evaluate(risk, rules.current()), "gdpr.subjects", "EEA").reason()).isEqualTo("the risk to individuals is not high");
        var none = controller(aware, aware, null, RiskLevel.NONE, Map.of("FR", 10));
        assertThat(notOwed(engine.evaluate(none, rules.current()), "gdpr.authority", "EEA").reason())
                .isEqualTo("the breach is unlikely to result in a risk to individuals");
        var processor = new ImpactFacts(OurRole.PROCESSOR, aware, aware, null, RiskLevel.HIGH_RISK, false, false, false,
                null, Map.of("NL", 30), Map.of());
        assertThat(notOwed(engine.evaluate(processor, rules.current()), "gdpr.authority", "EEA").reason())
                .isEqualTo("we act as processor; the controller gives this notice");
        var lowProbability = new ImpactFacts(OurRole.CONTROLLER, aware, aware, null, RiskLevel.RISK, false, false, false,
                700, Map.of("US-NY", 700), Map.of(), true);
        assertThat(notOwed(engine.evaluate(lowProbability, rules.current()), "hipaa.hhs", "*").reason())
                .isEqualTo("the HIPAA risk assessment found a low probability that the PHI was compromised");
        var phi = phi(aware, 700, Map.of("US-NY", 700));
        assertThat(notOwed(engine.evaluate(phi, rules.current()), "hipaa.hhs-log", "*").reason())
                .isEqualTo("700 individual(s) affected in total, more than the 499 this notice is for");
    }

    @Test
    void a_rule_not_yet_in_force_is_named_unless_another_version_of_it_is() {
        Instant discovered = Instant.parse("2025-11-03T18:00:00Z");
        var facts = new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, false, false, false,
                null, Map.of("US-CA", 900), Map.of());
        Evaluation evaluation = engine.evaluate(facts, rules.current());
        assertThat(notOwed(evaluation, "ca.ag", "US-CA").reason()).isEqualTo("not yet in force when the breach was discovered (in force from 1 Jan 2026)");
        // version 1 of the residents' rule applies; version 2 is not listed as not owed
        assertThat(evaluation.notOwed()).extracting(NotOwed::ruleKey).doesNotContain("ca.residents");
    }

    private static NotOwed notOwed(Evaluation evaluation, String key, String jurisdiction) {
        List<NotOwed> matching = evaluation.notOwed().stream()
                .filter(n -> n.ruleKey().equals(key) && n.jurisdiction().equals(jurisdiction)).toList();
        assertThat(matching).as("not owed %s in %s among %s", key, jurisdiction, evaluation.notOwed()).hasSize(1);
        return matching.getFirst();
    }

    private static ImpactFacts controller(Instant discovered, Instant aware, Instant determined, RiskLevel risk,
                                          Map<String, Integer> residents) {
        return new ImpactFacts(OurRole.CONTROLLER, discovered, aware, determined, risk, false, false, false, null, residents, Map.of());
    }

    private static ImpactFacts phi(Instant discovered, int individuals, Map<String, Integer> residents) {
        return new ImpactFacts(OurRole.CONTROLLER, discovered, discovered, null, RiskLevel.RISK, true, false, false,
                individuals, residents, Map.of());
    }

    private static List<String> keys(List<Proposal> proposals) {
        return proposals.stream().map(p -> p.rule().key()).toList();
    }

    private static Proposal only(List<Proposal> proposals, String key, String jurisdiction) {
        List<Proposal> matching = proposals.stream()
                .filter(p -> p.rule().key().equals(key) && p.jurisdiction().equals(jurisdiction)).toList();
        assertThat(matching).as("proposals for %s in %s among %s", key, jurisdiction, keys(proposals)).hasSize(1);
        return matching.getFirst();
    }
}

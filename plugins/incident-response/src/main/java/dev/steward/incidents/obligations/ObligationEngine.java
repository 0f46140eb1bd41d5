package dev.steward.incidents.obligations;

import dev.steward.incidents.OurRole;
import dev.steward.incidents.RiskLevel;
import dev.steward.platform.deadlines.DueDates;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from an incident's facts, which notification rules apply and when each notice is due. Pure: no database,
 * no clock; the same facts and rules always give the same answer, which is what the table tests check.
 */
public final class ObligationEngine {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Set<String> eeaCodes;

    /** @param eeaCodes the jurisdiction codes that make up the EEA (from the privacy catalogue) */
    public ObligationEngine(Set<String> eeaCodes) {
        this.eeaCodes = Set.copyOf(eeaCodes);
    }

    public List<Proposal> propose(ImpactFacts facts, List<NotificationRule> rules) {
        return evaluate(facts, rules).owed();
    }

    /**
     * The notices the rules call for, and the rules considered that call for none with the reason. A rule is considered
     * where individuals are affected in its jurisdiction; a version not in force on the discovery date is left out when
     * another version of the same rule is.
     */
    public Evaluation evaluate(ImpactFacts facts, List<NotificationRule> rules) {
        List<Proposal> owed = new ArrayList<>();
        List<NotOwed> notOwed = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (rule.supersededBy() != null || !inForce(rule, facts) && anotherVersionInForce(rule, facts, rules)) {
                continue;
            }
            List<String> reasons = reasons(rule, facts);
            scopes(rule.jurisdiction(), facts).forEach((jurisdiction, affected) -> {
                if (affected <= 0) {
                    return;
                }
                List<String> why = new ArrayList<>(reasons);
                threshold(rule, jurisdiction, affected).ifPresent(why::add);
                if (why.isEmpty()) {
                    owed.add(proposal(rule, jurisdiction, affected, facts));
                } else {
                    notOwed.add(new NotOwed(rule.id(), rule.key(), rule.version(), rule.regime(), rule.recipient(), jurisdiction,
                            String.join("; ", why), rule.citation()));
                }
            });
        }
        return new Evaluation(owed, notOwed);
    }

    private static boolean inForce(NotificationRule rule, ImpactFacts facts) {
        return rule.effectiveOn(facts.discoveredAt().atZone(rule.zone()).toLocalDate());
    }

    private static boolean anotherVersionInForce(NotificationRule rule, ImpactFacts facts, List<NotificationRule> rules) {
        return rules.stream().anyMatch(other -> other != rule && other.key().equals(rule.key()) && other.supersededBy() == null
                && inForce(other, facts));
    }

    /** Why a rule does not apply to these facts, whatever the numbers affected; empty when it does. */
    private static List<String> reasons(NotificationRule rule, ImpactFacts facts) {
        List<String> reasons = new ArrayList<>();
        if (!inForce(rule, facts)) {
            reasons.add(rule.effectiveFrom().isAfter(facts.discoveredAt().atZone(rule.zone()).toLocalDate())
                    ? "not yet in force when the breach was discovered (in force from " + DueText.day(rule.effectiveFrom()) + ")"
                    : "no longer in force when the breach was discovered (in force until " + DueText.day(rule.effectiveTo()) + ")");
        }
        if (!"ANY".equals(rule.role()) && !rule.role().equals(facts.role().name())) {
            reasons.add(facts.role() == OurRole.CONTROLLER ? "we are the controller; this notice is a processor's duty"
                    : "we act as processor; the controller gives this notice");
        }
        if (rule.phiOnly() && !facts.phi()) {
            reasons.add(facts.hipaaLowProbability()
                    ? "the HIPAA risk assessment found a low probability that the PHI was compromised"
                    : "no protected health information is involved");
        }
        if (rule.encryptionExempt() && facts.unintelligible()) {
            reasons.add("the data was encrypted and the key is safe");
        }
        if (!RiskLevel.reaches(facts.risk(), rule.minRisk())) {
            reasons.add(facts.risk() == RiskLevel.NONE ? "the breach is unlikely to result in a risk to individuals"
                    : facts.risk() == null ? "no high risk to individuals is concluded (yet)" : "the risk to individuals is not high");
        }
        return reasons;
    }

    /** Why the numbers affected in one jurisdiction are outside the rule's thresholds (inclusive), if they are. */
    private static Optional<String> threshold(NotificationRule rule, String jurisdiction, int affected) {
        int min = rule.minAffected() == null ? 1 : Math.max(1, rule.minAffected());
        if (affected < min) {
            return Optional.of(count(affected, jurisdiction) + ", fewer than the " + min + " this notice needs");
        }
        if (rule.maxAffected() != null && affected > rule.maxAffected()) {
            return Optional.of(count(affected, jurisdiction) + ", more than the " + rule.maxAffected() + " this notice is for");
        }
        return Optional.empty();
    }

    private static String count(int affected, String jurisdiction) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(affected) + " individual(s) affected " + where(jurisdiction);
    }

    private static String where(String jurisdiction) {
        return switch (jurisdiction) {
            case "*" -> "in total";
            case "EEA" -> "in the EEA";
            default -> "in " + jurisdiction;
        };
    }

    /** The jurisdictions a rule's pattern covers, each with the individuals affected there. */
    private Map<String, Integer> scopes(String pattern, ImpactFacts facts) {
        Map<String, Integer> scopes = new LinkedHashMap<>();
        Map<String, Integer> residents = facts.residents();
        switch (pattern) {
            case "*" -> scopes.put("*", Math.max(facts.individuals() == null ? 0 : facts.individuals(), sum(residents, c -> true)));
            case "EEA" -> scopes.put("EEA", sum(residents, eeaCodes::contains));
            case "US" -> scopes.put("US", sum(residents, ObligationEngine::isUs));
            case "US-*" -> residents.entrySet().stream().filter(e -> e.getKey().startsWith("US-"))
                    .sorted(Map.Entry.comparingByKey()).forEach(e -> scopes.put(e.getKey(), e.getValue()));
            default -> scopes.put(pattern, residents.getOrDefault(pattern, 0));
        }
        return scopes;
    }

    private static boolean isUs(String code) {
        return code.equals("US") || code.startsWith("US-");
    }

    private static int sum(Map<String, Integer> residents, java.util.function.Predicate<String> where) {
        return residents.entrySet().stream().filter(e -> where.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private static Proposal proposal(NotificationRule rule, String jurisdiction, int affected, ImpactFacts facts) {
        Instant start = clockStart(rule, facts);
        Instant due = start == null ? null : due(rule, start);
        return new Proposal(rule, jurisdiction, affected, start, due, basis(rule, jurisdiction, affected, facts, start));
    }

    /** When a rule's clock started on these facts, or null if it has not (whether or not the rule applies). */
    public static Instant clockStart(NotificationRule rule, ImpactFacts facts) {
        return switch (rule.clockStart()) {
            case AWARE -> facts.awareAt();
            case DISCOVERY -> facts.discoveredAt();
            case DETERMINATION -> facts.determinedAt();
            case AFTER_OBLIGATION -> facts.noticesSent().get(rule.afterRuleKey());
        };
    }

    /**
     * The due instant of a rule whose clock started at {@code start}; null for "without undue delay" with no target. In
     * microseconds, as the database keeps it: the end of a day (23:59:59.999999999) would be stored rounded up to the next
     * midnight, and each recompute would then find the due "moved" and move it back.
     */
    public static Instant due(NotificationRule rule, Instant start) {
        Instant due = exactDue(rule, start);
        return due == null ? null : due.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant exactDue(NotificationRule rule, Instant start) {
        ZoneId zone = rule.zone();
        return switch (rule.deadlineKind()) {
            case HOURS -> DueDates.elapsedHours(start, rule.deadlineAmount());
            case CALENDAR_DAYS -> DueDates.calendarDays(start, rule.deadlineAmount(), zone);
            case UNDUE_DELAY -> rule.internalTargetHours() == null ? null : DueDates.elapsedHours(start, rule.internalTargetHours());
            case DAYS_AFTER_YEAR_END -> {
                LocalDate yearEnd = LocalDate.of(start.atZone(zone).getYear(), 12, 31);
                yield DueDates.calendarDays(DueDates.endOfDay(yearEnd, zone), rule.deadlineAmount(), zone);
            }
        };
    }

    private static String basis(NotificationRule rule, String jurisdiction, int affected, ImpactFacts facts, Instant start) {
        StringBuilder why = new StringBuilder(rule.regime()).append(": ");
        why.append(count(affected, jurisdiction));
        if (rule.minAffected() != null && rule.minAffected() > 1) {
            why.append(" (threshold ").append(rule.minAffected()).append(")");
        }
        if (rule.maxAffected() != null) {
            why.append(" (at most ").append(rule.maxAffected()).append(")");
        }
        if (rule.minRisk() != null) {
            why.append(facts.risk() == null ? "; risk not yet concluded, treated as a risk"
                    : "; risk conclusion: " + facts.risk().label().toLowerCase(Locale.ROOT));
        }
        if (rule.phiOnly()) {
            why.append("; unsecured PHI");
        }
        if (rule.encryptionExempt()) {
            why.append(facts.encrypted() ? "; encrypted but the key was compromised" : "; data not encrypted");
        }
        if (facts.role() == OurRole.PROCESSOR && "PROCESSOR".equals(rule.role())) {
            why.append("; we act as processor");
        }
        why.append(". Deadline: ").append(rule.deadlineText());
        why.append(start == null ? " (clock not started yet)" : " (clock started " + WHEN.format(start) + ")");
        why.append(". ").append(rule.citation()).append(", rule version ").append(rule.version()).append('.');
        return why.toString();
    }
}

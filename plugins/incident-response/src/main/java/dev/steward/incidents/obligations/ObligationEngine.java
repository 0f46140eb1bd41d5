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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<Proposal> proposals = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (applies(rule, facts)) {
                scopes(rule.jurisdiction(), facts).forEach((jurisdiction, affected) -> {
                    if (withinThresholds(rule, affected)) {
                        proposals.add(proposal(rule, jurisdiction, affected, facts));
                    }
                });
            }
        }
        return proposals;
    }

    private static boolean applies(NotificationRule rule, ImpactFacts facts) {
        LocalDate discovered = facts.discoveredAt().atZone(rule.zone()).toLocalDate();
        return rule.supersededBy() == null
                && rule.effectiveOn(discovered)
                && ("ANY".equals(rule.role()) || rule.role().equals(facts.role().name()))
                && (!rule.phiOnly() || facts.phi())
                && !(rule.encryptionExempt() && facts.unintelligible())
                && RiskLevel.reaches(facts.risk(), rule.minRisk());
    }

    private static boolean withinThresholds(NotificationRule rule, int affected) {
        int min = rule.minAffected() == null ? 1 : Math.max(1, rule.minAffected());
        return affected >= min && (rule.maxAffected() == null || affected <= rule.maxAffected());
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

    /** The due instant of a rule whose clock started at {@code start}; null for "without undue delay" with no target. */
    public static Instant due(NotificationRule rule, Instant start) {
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
        String where = switch (jurisdiction) {
            case "*" -> "in total";
            case "EEA" -> "in the EEA";
            default -> "in " + jurisdiction;
        };
        why.append(NumberFormat.getIntegerInstance(Locale.ROOT).format(affected)).append(" individual(s) affected ").append(where);
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

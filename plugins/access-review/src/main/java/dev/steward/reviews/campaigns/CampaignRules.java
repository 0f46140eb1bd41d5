package dev.steward.reviews.campaigns;

import dev.steward.platform.validation.InvalidInputException.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules a campaign's definition must keep, each broken rule named with its field and a message a user understands.
 * A stage's fields are named by {@link CampaignForm#stageField}.
 */
final class CampaignRules {

    private CampaignRules() {
    }

    /** @param systemsExist whether every id of a (non-empty) list names a system */
    static List<Problem> check(CampaignForm f, Predicate<List<Long>> systemsExist) {
        List<Problem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            problems.add(new Problem("name", "The campaign needs a name of at most 200 characters"));
        }
        if (f.systemIds().isEmpty()) {
            problems.add(new Problem("systemIds", "Choose at least one system"));
        } else if (!systemsExist.test(f.systemIds())) {
            problems.add(new Problem("systemIds", "Unknown system in the scope"));
        }
        if (f.stages().isEmpty() || f.stages().size() > CampaignForm.MAX_STAGES) {
            problems.add(new Problem("stages", "A campaign has one to " + CampaignForm.MAX_STAGES + " review stages"));
        }
        stages(f, problems);
        if (f.fallbackReviewer() == null || f.fallbackReviewer().isBlank()) {
            problems.add(new Problem("fallbackReviewer", "Name a fallback reviewer for items without a reviewer and for would-be self-reviews"));
        }
        if (f.noResponse() == null) {
            problems.add(new Problem("noResponse", "Choose what closing does with undecided items"));
        }
        if (f.escalationDays() < 1 || f.escalationDays() > CampaignForm.MAX_ESCALATION_DAYS) {
            problems.add(new Problem("escalationDays", "An escalated privileged or flagged item stays with the reviewer's manager for 1 to "
                    + CampaignForm.MAX_ESCALATION_DAYS + " days before it goes to the fallback reviewer"));
        }
        if (f.startsAt() == null) {
            problems.add(new Problem("startsAt", "The start date is required"));
        }
        if (f.reminderDays().stream().anyMatch(d -> d == null || d < 0 || d > CampaignForm.MAX_REMINDER_DAYS)) {
            problems.add(new Problem("reminderDays", "Reminders are given in days before the due date, from 0 to " + CampaignForm.MAX_REMINDER_DAYS));
        } else if (f.reminderDays().stream().distinct().count() != f.reminderDays().size()) {
            problems.add(new Problem("reminderDays", "Each reminder day only once"));
        }
        return problems;
    }

    /** Each stage has a reviewer rule (a name for the named rule) and is due after the start and the stage before it. */
    private static void stages(CampaignForm f, List<Problem> problems) {
        Instant previousDue = f.startsAt();
        for (int i = 0; i < f.stages().size(); i++) {
            CampaignForm.Stage stage = f.stages().get(i);
            String which = f.stages().size() == 1 ? "" : " for stage " + (i + 1);
            if (stage == null || stage.reviewerRule() == null) {
                problems.add(new Problem(CampaignForm.stageField(i + 1, "reviewerRule"),
                        "Choose who reviews" + which + ": the person's manager, the system owner or a named reviewer"));
            } else if (stage.reviewerRule() == CampaignForm.ReviewerRule.NAMED && CampaignService.blankToNull(stage.namedReviewer()) == null) {
                problems.add(new Problem(CampaignForm.stageField(i + 1, "namedReviewer"), "Name the reviewer" + which));
            }
            if (stage == null || stage.dueAt() == null) {
                problems.add(new Problem(CampaignForm.stageField(i + 1, "dueAt"), "A due date is required" + which));
            } else if (previousDue != null && !stage.dueAt().isAfter(previousDue)) {
                problems.add(new Problem(CampaignForm.stageField(i + 1, "dueAt"),
                        i == 0 ? "The due date must be after the start" : "Stage " + (i + 1) + " must be due after stage " + i));
            }
            previousDue = stage == null ? null : stage.dueAt();
        }
    }
}

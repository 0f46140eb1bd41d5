package dev.steward.dsr.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One fulfilment task of a request, as the team and its assignee see it.
 *
 * @param subject whom to look for: the requester's name and email (null after the purge)
 */
public record Task(long id, long requestId, String requestReference, String subject, TaskAction action, String holderName, HolderKind holderKind,
                   String viaName, String contactEmail, Set<String> categories, String assignee, Instant dueAt, TaskStatus status,
                   String outcome, Long evidenceFileId, LocalDate confirmedOn, String confirmationRef, String completedBy,
                   Instant completedAt, int version) {

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    /** "Instruct to delete · Mailer Inc (sub-processor of Cloud Co)" */
    public String title() {
        return action.label() + " · " + holderName + (viaName == null ? "" : " (" + holderKind.label().toLowerCase() + " of " + viaName + ")");
    }
}

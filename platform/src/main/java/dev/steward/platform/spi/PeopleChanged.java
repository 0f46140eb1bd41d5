package dev.steward.platform.spi;

import dev.steward.platform.people.EmploymentStatus;

import java.util.List;

/**
 * What one change of the people directory meant for the people in it: who moved to another org unit and who became
 * terminated. An edit publishes one event for its person; an import publishes one event for the whole file, however many
 * rows it has, so a listener handles a reorganisation in one set-based statement. A move is a change from one org unit
 * to another (a first org unit, or leaving every org unit, is not a move); a termination is a change of status to
 * terminated from any other status (someone added already terminated is not one). A person who both moved and was
 * terminated appears in both lists.
 *
 * @param source       an edit of one person, or an import
 * @param actor        the user who made the change
 * @param detail       the imported file's name, or null for an edit
 */
public record PeopleChanged(Source source, String actor, String detail, List<Move> moves, List<Termination> terminations) {

    public enum Source { EDIT, IMPORT }

    /** The person moved from one org unit to another (ids of {@code platform.org_unit}). */
    public record Move(long personId, long fromOrgUnitId, long toOrgUnitId) {
    }

    /** The person's status became terminated; {@code previous} is what it was before. */
    public record Termination(long personId, EmploymentStatus previous) {
    }

    public PeopleChanged {
        moves = List.copyOf(moves);
        terminations = List.copyOf(terminations);
    }

    public boolean isEmpty() {
        return moves.isEmpty() && terminations.isEmpty();
    }
}

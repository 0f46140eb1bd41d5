package dev.steward.vendors.registry;

/** A person of the directory as the owner picker shows them. */
public record PersonChoice(long id, String fullName, String email, String employeeId, String status) {

    @Override
    public String toString() {
        return fullName + (email == null ? "" : " <" + email + ">");
    }
}

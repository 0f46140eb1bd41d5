package dev.steward.reviews.systems;

/** A person of the platform's directory as a system-owner picker shows them. */
public record PersonChoice(long id, String name, String email, String employeeId, String status) {

    /** "Jane Doe · jane@example.org" (the employee id when there is no email; "· terminated" when not active). */
    public String label() {
        String contact = email == null || email.isBlank() ? employeeId : email;
        return name + " · " + contact + ("ACTIVE".equals(status) ? "" : " · " + status.toLowerCase().replace('_', ' '));
    }
}

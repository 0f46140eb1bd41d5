package dev.steward.dsr.fulfilment;

import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The package builder on its own: it refuses every field the policy says is never disclosed, by its name or category. */
class ResponsePackageTest {

    private static final List<ResponsePackage.CategoryFacts> CONTACT = List.of(new ResponsePackage.CategoryFacts("contact", "Contact details",
            List.of("Held in CRM"), List.of("Not recorded"), List.of("Mailer"), "Not recorded"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Social Security Number", "ssn", "SSN_last4", "driversLicenseNumber", "Driver's licence no", "Passport number",
            "National ID", "government_id", "Tax ID", "Bank account", "IBAN", "Credit card number", "accountNumber", "Routing number",
            "Health condition", "Medical record number", "MRN", "Patient ID", "Password", "password_hash", "Passphrase", "PIN",
            "Security question", "securityAnswer", "Secret answer", "Memorable word"})
    void every_never_disclose_field_is_refused_naming_the_field(String field) {
        var pieces = List.of(new ResponsePackage.Piece("CRM", "rosa@example.org", "Email", "rosa@example.org"),
                new ResponsePackage.Piece("CRM", "rosa@example.org", field, "secret value"));

        assertThatThrownBy(() -> ResponsePackage.build("DSR-1", CONTACT, pieces))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("package"));
                    assertThat(e.getMessage()).contains("\"" + field + "\" in CRM (rosa@example.org)").contains("never disclosed");
                });
    }

    @Test
    void a_piece_of_a_never_disclosed_category_is_refused_whatever_its_name() {
        var pieces = List.of(new ResponsePackage.Piece("Clinic", "rosa", "Notes", "allergic to penicillin", "health"));

        assertThatThrownBy(() -> ResponsePackage.build("DSR-1", CONTACT, pieces)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"Notes\" in Clinic (rosa) is in the category health");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Email", "Display name", "Last login", "Department", "Shipping address", "Phone", "Account created", "Company"})
    void ordinary_fields_pass(String field) {
        assertThat(NeverDisclose.field(field)).isEmpty();
    }
}

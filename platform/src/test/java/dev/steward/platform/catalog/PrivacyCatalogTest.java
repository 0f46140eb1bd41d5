package dev.steward.platform.catalog;

import dev.steward.platform.spi.CatalogUsage;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithMockUser(username = "olga", authorities = {"platform.catalog.read", "platform.catalog.manage"})
class PrivacyCatalogTest {

    /** A module that uses "health" in three vendor services. */
    @TestConfiguration
    static class VendorModule {
        @Bean
        CatalogUsage vendorUsage() {
            return (kind, code) -> kind.equals("DATA_CATEGORY") && code.equals("health")
                    ? List.of(new CatalogUsage.Use("vendor services", 3)) : List.of();
        }
    }

    @Autowired
    PrivacyCatalog catalog;
    @Autowired
    DSLContext dsl;

    @Test
    void the_catalogue_is_seeded_with_what_every_module_needs() {
        assertThat(catalog.entries(CatalogKind.LEGAL_BASIS, false)).extracting(CatalogEntry::article)
                .containsExactlyInAnyOrder("GDPR Art. 6(1)(a)", "GDPR Art. 6(1)(b)", "GDPR Art. 6(1)(c)",
                        "GDPR Art. 6(1)(d)", "GDPR Art. 6(1)(e)", "GDPR Art. 6(1)(f)");
        CatalogEntry health = catalog.find(CatalogKind.DATA_CATEGORY, "health").orElseThrow();
        assertThat(health.specialCategory()).isTrue();
        assertThat(health.sensitivity()).isEqualTo(4);
        assertThat(catalog.find(CatalogKind.DATA_CATEGORY, "criminal").orElseThrow().article()).isEqualTo("GDPR Art. 10");
        assertThat(catalog.find(CatalogKind.JURISDICTION, "DE").orElseThrow().eea()).isTrue();
        assertThat(catalog.find(CatalogKind.JURISDICTION, "NO").orElseThrow().eea()).isTrue();
        CatalogEntry us = catalog.find(CatalogKind.JURISDICTION, "US").orElseThrow();
        assertThat(us.euAdequacy()).isTrue();
        assertThat(us.adequacyNote()).contains("Data Privacy Framework");
        assertThat(catalog.find(CatalogKind.JURISDICTION, "JP").orElseThrow().euAdequacy()).isTrue();
        assertThat(catalog.find(CatalogKind.JURISDICTION, "IN").orElseThrow().euAdequacy()).isFalse();
        assertThat(catalog.entries(CatalogKind.JURISDICTION, false).stream().filter(e -> e.code().startsWith("US-"))).hasSize(51);
        assertThat(catalog.entries(CatalogKind.SUBJECT_TYPE, false)).extracting(CatalogEntry::code).contains("minors", "vendor_staff", "students");
    }

    @Test
    void an_entry_in_use_cannot_be_deleted_only_retired() {
        CatalogEntry health = catalog.find(CatalogKind.DATA_CATEGORY, "health").orElseThrow();
        assertThatThrownBy(() -> catalog.delete(health.id(), health.version()))
                .hasMessage("Health data is used by 3 vendor services; retire it instead");
        catalog.setRetired(health.id(), health.version(), true);
        assertThat(catalog.entries(CatalogKind.DATA_CATEGORY, false)).extracting(CatalogEntry::code).doesNotContain("health");
        assertThat(catalog.entries(CatalogKind.DATA_CATEGORY, true)).extracting(CatalogEntry::code).contains("health");
        assertThat(catalog.find(CatalogKind.DATA_CATEGORY, "health").orElseThrow().retired()).isTrue();
        CatalogEntry retired = catalog.find(CatalogKind.DATA_CATEGORY, "health").orElseThrow();
        catalog.setRetired(retired.id(), retired.version(), false);
    }

    @Test
    void an_unused_entry_is_deleted_and_every_change_is_audited() {
        long id = catalog.save(new CatalogEntry(null, CatalogKind.PURPOSE, "loyalty", "Loyalty programme", null, null,
                false, null, false, false, null, false, 0));
        CatalogEntry created = catalog.find(CatalogKind.PURPOSE, "loyalty").orElseThrow();
        catalog.save(new CatalogEntry(id, CatalogKind.PURPOSE, "loyalty", "Loyalty and rewards", null, null, false, null,
                false, false, null, false, created.version()));
        catalog.delete(id, created.version() + 1);
        assertThat(catalog.find(CatalogKind.PURPOSE, "loyalty")).isEmpty();
        assertThat(dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("catalog_entry"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(id))).orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.ACTION))
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void codes_are_unique_per_kind_and_stale_edits_are_refused() {
        assertThatThrownBy(() -> catalog.save(new CatalogEntry(null, CatalogKind.DATA_CATEGORY, "health", "Again", null, 4,
                true, null, false, false, null, false, 0)))
                .hasMessage("The code health is already used in Personal-data categories");
        CatalogEntry contact = catalog.find(CatalogKind.DATA_CATEGORY, "contact").orElseThrow();
        assertThatThrownBy(() -> catalog.save(new CatalogEntry(contact.id(), contact.kind(), "contact", "Contact", null, 2,
                false, null, false, false, null, false, contact.version() + 7)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> catalog.save(new CatalogEntry(null, CatalogKind.DATA_CATEGORY, "x", "X", null, 9, false,
                null, false, false, null, false, 0))).hasMessageContaining("sensitivity from 1 (low) to 4");
    }

    @Test
    @WithMockUser(username = "mona", authorities = "platform.catalog.read")
    void reading_is_for_everyone_editing_for_privacy_officers() {
        assertThat(catalog.entries(CatalogKind.PURPOSE, false)).isNotEmpty();
        CatalogEntry contact = catalog.find(CatalogKind.DATA_CATEGORY, "contact").orElseThrow();
        assertThatThrownBy(() -> catalog.setRetired(contact.id(), contact.version(), true)).isInstanceOf(AccessDeniedException.class);
    }
}

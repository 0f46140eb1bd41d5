package dev.steward.vendors.contracts;

import dev.steward.vendors.VendorsTestBase;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.Role;
import dev.steward.vendors.registry.Vendor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed document of a contract is a platform attachment: editors add it, readers see it, others do not. */
class VendorDocumentsTest extends VendorsTestBase {

    @Autowired
    AttachmentService files;

    @Test
    void editors_attach_a_contracts_document_readers_see_it_and_others_cannot() throws Exception {
        loginAsOfficer();
        Vendor v = vendor("Documented");
        Contract dpa = bean(Contracts.class).save(new ContractForm(null, 0, v.id(), ContractType.DPA, null, ContractStatus.SIGNED,
                LocalDate.now(), LocalDate.now(), null, false, null, null));
        Attachment.Owner owner = new Attachment.Owner("vendors", "contract", String.valueOf(dpa.id()));
        files.upload(owner, "dpa-signed.txt", new ByteArrayInputStream("signed by both parties".getBytes(StandardCharsets.UTF_8)));

        loginAs("audrey", Role.AUDITOR);
        assertThat(files.list(owner, false)).extracting(Attachment::fileName).containsExactly("dpa-signed.txt");
        assertThatThrownBy(() -> files.upload(owner, "mine.txt", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuntimeException.class);
        loginAs("max", Role.MANAGER);
        assertThatThrownBy(() -> files.list(owner, false)).isInstanceOf(RuntimeException.class);
    }
}

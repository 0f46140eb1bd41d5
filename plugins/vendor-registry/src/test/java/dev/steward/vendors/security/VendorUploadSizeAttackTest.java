package dev.steward.vendors.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.testkit.console.OversizedUploads.EndlessBody;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.testkit.console.OversizedUploads.MB;
import static dev.steward.testkit.console.OversizedUploads.sendRejected;
import static dev.steward.testkit.console.OversizedUploads.uploadFiles;
import static org.assertj.core.api.Assertions.assertThat;

/** An attacker's oversized vendor CSV: cut off while it arrives, nothing kept (see the console's UploadSizeAttackTest). */
class VendorUploadSizeAttackTest extends KaribuTest {

    @Test
    void a_vendor_file_without_a_declared_length_is_cut_off_one_byte_past_the_limit_and_deleted() throws Exception {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("vendors");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        EndlessBody body = new EndlessBody();
        Set<Path> before = uploadFiles();

        sendRejected(_get(Upload.class), "vendors.csv", "text/csv", -1, body);

        assertThat(body.served()).as("bytes read from the request").isLessThanOrEqualTo(20 * MB + 1).isGreaterThan(20 * MB);
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("The file vendors.csv is larger than the limit of 20 MB");
        assertThat(uploadFiles()).as("temporary files left").isSubsetOf(before);
    }
}

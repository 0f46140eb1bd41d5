package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ImportFormat;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A problem in an access file is on the file's own line, the same after the upload and after the preview. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ImportProblemLinesUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private AccessImportDialog dialog(SystemInfo system) {
        AccessImportDialog dialog = new AccessImportDialog(bean(AccessImport.class), system);
        dialog.open();
        return dialog;
    }

    private SystemInfo system() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        return bean(SystemService.class).save(new SystemInfo(null, "lines-" + suffix, "Lines " + suffix, null,
                SystemInfo.Criticality.HIGH, true, 90, 0));
    }

    @Test
    void a_row_problem_after_an_empty_line_and_a_value_over_two_lines_is_shown_on_the_files_line_with_its_whole_text() throws Exception {
        AccessImportDialog dialog = dialog(system());
        String file = ReviewsTestBase.HEADER + "a,R1,,,,\n\n\"b\nc\",R2,,,,\n,R3,,,,\n";
        dialog.receive(UploadedFile.copyOf("access.csv", file.getBytes(StandardCharsets.UTF_8)));
        _click(dialog.preview);
        dialog.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._getFormatted(dialog.problems, 0, "line")).isEqualTo("6");
        assertThat(GridKt._getFormatted(dialog.problems, 0, "problem")).isEqualTo("Empty; every row needs a value here");
        assertThat(dialog.problems.getThemeNames()).as("long problems wrap, not cut").contains("wrap-cell-content");
    }

    @Test
    void a_file_that_is_not_utf8_names_the_same_line_after_the_upload_and_after_the_preview() {
        SystemInfo system = system();
        byte[] latin1 = (ReviewsTestBase.HEADER + "a,R1,,,,\nm\u00fcller,R1,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        AccessImportDialog dialog = dialog(system);
        dialog.receive(UploadedFile.copyOf("latin1.csv", latin1));
        assertThat(GridKt._getFormatted(dialog.problems, 0, "line")).as("after the upload").isEqualTo("3");
        assertThatThrownBy(() -> bean(AccessImport.class).preview(system.id(), latin1,
                ImportFormat.guess(java.util.List.of("account", "entitlement")), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().line())
                        .as("after the preview").isEqualTo(3));
    }
}

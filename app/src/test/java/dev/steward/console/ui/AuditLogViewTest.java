package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.console.ui.audit.AuditLogView;
import dev.steward.platform.audit.AuditEntry;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import dev.steward.platform.export.ui.ExportDialog;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AuditLogViewTest extends KaribuTest {

    @Autowired
    AuditTrail audit;

    @Test
    void an_auditor_filters_by_entity_and_verifies_the_chain() {
        audit.record(AuditEvent.of("vendors", "vendor", "42", "UPDATE").actor("olga").after(Map.of("tier", 2)));
        audit.record(AuditEvent.of("vendors", "vendor", "43", "UPDATE").actor("olga").after(Map.of("tier", 1)));
        loginAs("aud", Role.AUDITOR);
        UI.getCurrent().navigate(AuditLogView.class);

        setValue(_get(TextField.class, spec -> spec.withLabel("Entity id")), "42");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).actor()).isEqualTo("olga");
        assertThat(_get(grid, 0).after()).isEqualTo("{\"tier\":2}");

        _click(_get(Button.class, spec -> spec.withText("Verify chain")));
        assertThat(_get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith("Audit chain"))).getText())
                .startsWith("Audit chain intact:");
    }

    @Test
    void an_auditor_exports_the_filtered_log_in_the_background_as_csv_and_pdf() throws Exception {
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEvent.of("exports", "thing", "e" + i, "CREATE").actor("=cmd").after(Map.of("n", i)));
        }
        loginAs("aud", Role.AUDITOR);
        UI.getCurrent().navigate(AuditLogView.class);
        setValue(_get(TextField.class, spec -> spec.withLabel("Entity type")), "thing");

        _click(_get(Button.class, spec -> spec.withText("Export CSV")));
        ExportDialog csv = _get(ExportDialog.class);
        csv.completion().get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        String text = Files.readString(csv.file().orElseThrow()).substring(1); // after the byte-order mark
        assertThat(text.lines()).hasSize(4).first().asString()
                .isEqualTo("id,occurred_at,actor,client_ip,module,entity_type,entity_id,action,before,after,reason,prev_hash,hash");
        assertThat(text).contains("'=cmd").contains("e2");
        csv.close();

        _click(_get(Button.class, spec -> spec.withText("Export PDF")));
        ExportDialog pdf = _find(ExportDialog.class).getLast();
        pdf.completion().get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        var reader = new org.openpdf.text.pdf.PdfReader(Files.readAllBytes(pdf.file().orElseThrow()));
        assertThat(new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1))
                .contains("Audit log").contains("Filter: thing").contains("e1");
    }
}

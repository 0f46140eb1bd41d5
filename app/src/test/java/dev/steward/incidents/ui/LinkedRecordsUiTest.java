package dev.steward.incidents.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkedRecord;
import dev.steward.platform.links.ui.LinkedRecordsPanel;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDateTime;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** An incident's "Linked records" tab, and an incident opened from another module's record, through the real components. */
@SpringBootTest(classes = dev.steward.console.StewardApplication.class)
class LinkedRecordsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    EntityLinks links;

    SystemInfo erp;

    @BeforeEach
    void aSystem() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        erp = registry.contextOf("reviews").orElseThrow().getBean(SystemService.class).save(new SystemInfo(null,
                "crm-" + UUID.randomUUID().toString().substring(0, 8), "CRM", null, SystemInfo.Criticality.HIGH, true, 90, 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_analyst_links_an_incident_to_a_system_and_unlinks_it() {
        IncidentView view = logIncident("Customer export leaked");
        LinkedRecordsPanel panel = (LinkedRecordsPanel) view.openTab("Linked records");
        Grid<LinkedRecord> grid = _get(panel, Grid.class);
        assertThat(GridKt._size(grid)).isZero();
        assertThat(_find(panel, Button.class, spec -> spec.withText("New incident"))).isEmpty();

        _click(_get(panel, Button.class, spec -> spec.withText("Link a record")));
        ComboBox<EntityLinkProvider> type = _get(ComboBox.class, spec -> spec.withLabel("Type of record"));
        setValue(type, type.getListDataView().getItems().filter(p -> p.type().equals("reviews.system")).findFirst().orElseThrow());
        ComboBox<EntityLinkProvider.LinkTarget> record = _get(ComboBox.class, spec -> spec.withLabel("Record"));
        var crm = links.candidates(EntityRef.of("incidents.incident", view.incident().id()), "reviews.system", "CRM", 50).stream()
                .filter(t -> t.id().equals(erp.id().toString())).findFirst().orElseThrow();
        setValue(record, crm);
        setValue(_get(TextField.class, spec -> spec.withLabel("Note (why they are linked)")), "Export came from the CRM");
        _click(_get(Button.class, spec -> spec.withText("Link")));

        assertThat(GridKt._findAll(grid)).extracting(l -> l.target().title(), LinkedRecord::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(crm.title(), "Export came from the CRM"));
        _click((Button) GridKt._getCellComponent(grid, 0, "unlink"));
        assertThat(GridKt._size(grid)).isZero();
    }

    @Test
    void an_incident_opened_from_a_record_is_prefilled_and_linked_to_it() {
        UI.getCurrent().navigate("incidents", QueryParameters.of("linked-to", "reviews.system:" + erp.id()));

        LogIncidentDialog dialog = _get(LogIncidentDialog.class);
        assertThat(dialog.linkedTo.getText()).isEqualTo("Will be linked to system CRM (" + erp.code() + ")");
        assertThat(dialog.title.getValue()).isEqualTo("Incident involving CRM (" + erp.code() + ")");
        setValue(dialog.type, IncidentType.UNAUTHORISED_ACCESS);
        _click(dialog.save);

        IncidentView view = _get(IncidentView.class);
        assertThat(links.linksOf(EntityRef.of("incidents.incident", view.incident().id())).visible())
                .extracting(LinkedRecord::ref).containsExactly(EntityRef.of("reviews.system", erp.id()));
        assertThat(view.incident().facts().getSource()).isEqualTo(IncidentSource.INTERNAL);
    }

    @Test
    void a_link_to_a_record_the_user_may_not_see_opens_no_form() {
        UI.getCurrent().navigate("incidents", QueryParameters.of("linked-to", "reviews.system:987654321"));
        assertThat(_find(LogIncidentDialog.class)).isEmpty();
        UI.getCurrent().navigate("incidents", QueryParameters.of("linked-to", "gibberish"));
        assertThat(_find(LogIncidentDialog.class)).isEmpty();
        loginAs("alma", Role.AUDITOR);
        UI.getCurrent().navigate("incidents", QueryParameters.of("linked-to", "reviews.system:" + erp.id()));
        assertThat(_find(LogIncidentDialog.class)).isEmpty();
    }

    private IncidentView logIncident(String title) {
        UI.getCurrent().navigate(IncidentsView.class);
        _click(_get(IncidentsView.class).log);
        LogIncidentDialog log = _get(LogIncidentDialog.class);
        setValue(log.title, title);
        setValue(log.type, IncidentType.UNAUTHORISED_ACCESS);
        setValue(log.discovered, LocalDateTime.now().minusHours(3).withNano(0));
        _click(log.save);
        return _get(IncidentView.class);
    }
}

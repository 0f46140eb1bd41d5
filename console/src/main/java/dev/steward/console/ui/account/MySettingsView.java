package dev.steward.console.ui.account;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.UserTimeZones;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.ZoneChoices;
import dev.steward.platform.ui.ZoneChoices.ZoneChoice;
import dev.steward.platform.validation.InvalidInputException;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Each user's own settings: the time zone every time on screen is shown in. */
@Route("account/settings")
@PageTitle("My settings · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class MySettingsView extends VerticalLayout {

    /** The choice that follows the browser: no zone stored. */
    static final String BROWSER = "";

    final ComboBox<ZoneChoice> zone = new ComboBox<>("Time zone");
    /** The time now as it will be shown, so the user sees what the choice means. */
    final Paragraph example = new Paragraph();
    private final UserTimeZones zones;
    private boolean filling;

    public MySettingsView(UserTimeZones zones) {
        this.zones = zones;
        setMaxWidth("40rem");
        Instant now = Instant.now();
        List<ZoneChoice> choices = new ArrayList<>();
        choices.add(new ZoneChoice(BROWSER, "Browser's zone (currently " + ZoneChoices.label(DisplayTime.browserZone(), now) + ")"));
        choices.addAll(ZoneChoices.all(now));
        zone.setItems(choices);
        zone.setItemLabelGenerator(ZoneChoice::label);
        zone.setWidthFull();
        zone.setHelperText("Type a city, a region or an offset (UTC+01:00). Times everywhere in the console are shown in this zone; "
                + "a deadline kept in another zone names it.");
        String chosen = zones.own().map(java.time.ZoneId::getId).orElse(BROWSER);
        filling = true;
        zone.setValue(choices.stream().filter(c -> c.id().equals(chosen)).findFirst().orElse(choices.getFirst()));
        filling = false;
        zone.addValueChangeListener(e -> {
            if (!filling && e.getValue() != null) {
                save(e.getValue());
            }
        });
        showExample();
        add(new H2("My settings"), new H4("Time"), zone, example);
    }

    private void save(ZoneChoice choice) {
        zone.setInvalid(false);
        try {
            zones.setOwn(CurrentUser.username().orElseThrow(), choice.id());
            DisplayTime.userZoneChanged();
            showExample();
            Toasts.success("Times are now shown in " + DisplayTime.zone().getId());
        } catch (InvalidInputException e) {
            zone.setErrorMessage(e.problems().getFirst().message());
            zone.setInvalid(true);
        }
    }

    private void showExample() {
        example.setText("Now: " + DisplayTime.format(Instant.now()) + " (" + DisplayTime.zone().getId() + ")");
    }
}

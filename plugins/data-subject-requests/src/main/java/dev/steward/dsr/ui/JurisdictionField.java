package dev.steward.dsr.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a requester lives, picked by name: a country, and for the United States a state. Its value is the code the
 * request keeps ("DE", "US-CA"); "US" alone while no state is chosen.
 */
class JurisdictionField extends CustomField<String> {

    static final Map<String, String> US_STATES = states();
    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .sorted(Comparator.comparing(JurisdictionField::countryName)).toList();

    final ComboBox<String> country = new ComboBox<>("Country");
    final ComboBox<String> state = new ComboBox<>("State");

    JurisdictionField(String label) {
        setLabel(label);
        country.setItems(COUNTRIES);
        country.setItemLabelGenerator(JurisdictionField::countryName);
        state.setItems(US_STATES.keySet());
        state.setItemLabelGenerator(US_STATES::get);
        state.setVisible(false);
        country.addValueChangeListener(e -> {
            state.setVisible("US".equals(e.getValue()));
            if (!"US".equals(e.getValue())) {
                state.clear();
            }
        });
        // the value follows each pick at once, not only the browser's change event (a server-side set counts too)
        country.addValueChangeListener(e -> updateValue());
        state.addValueChangeListener(e -> updateValue());
        FlexLayout both = new FlexLayout(country, state);
        both.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        both.getStyle().set("gap", "var(--lumo-space-m)");
        add(both);
    }

    static String countryName(String code) {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    protected String generateModelValue() {
        String c = country.getValue();
        if (c == null) {
            return null;
        }
        return "US".equals(c) && state.getValue() != null ? "US-" + state.getValue() : c;
    }

    @Override
    protected void setPresentationValue(String value) {
        if (value == null || value.isBlank()) {
            country.clear();
            return;
        }
        String[] parts = value.split("-", 2);
        country.setValue(parts[0]);
        state.setValue(parts.length == 2 ? parts[1] : null);
    }

    private static Map<String, String> states() {
        String[] pairs = {"AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
                "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida",
                "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
                "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts",
                "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana", "NE", "Nebraska",
                "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York",
                "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon",
                "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee",
                "TX", "Texas", "UT", "Utah", "VT", "Vermont", "VA", "Virginia", "WA", "Washington", "WV", "West Virginia",
                "WI", "Wisconsin", "WY", "Wyoming", "PR", "Puerto Rico"};
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            states.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(states).entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }
}

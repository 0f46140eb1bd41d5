package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.systems.SystemInfo;

import java.time.LocalDate;
import java.util.List;

/** Defines a campaign (a draft until launched). */
class CampaignDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final MultiSelectComboBox<SystemInfo> systems = new MultiSelectComboBox<>("Systems");
    final TextField entitlementFilter = new TextField("Entitlements like (e.g. %ADMIN%, optional)");
    final Checkbox privilegedOnly = new Checkbox("Privileged access only");
    final Checkbox flaggedOnly = new Checkbox("Flagged access only");
    final Select<CampaignForm.ReviewerRule> reviewerRule = new Select<>();
    final TextField namedReviewer = new TextField("Named reviewer (for the named rule)");
    final TextField fallback = new TextField("Fallback reviewer");
    final Select<CampaignForm.NoResponse> noResponse = new Select<>();
    final DatePicker starts = new DatePicker("Starts");
    final DatePicker due = new DatePicker("Due");
    final Button save = new Button("Save draft");

    CampaignDialog(CampaignService campaigns, List<SystemInfo> all, Runnable saved) {
        setHeaderTitle("New access-review campaign");
        systems.setItems(all);
        systems.setItemLabelGenerator(SystemInfo::name);
        reviewerRule.setLabel("Reviewer");
        reviewerRule.setItems(CampaignForm.ReviewerRule.values());
        reviewerRule.setItemLabelGenerator(r -> switch (r) {
            case MANAGER -> "The person's manager";
            case SYSTEM_OWNER -> "The system owner";
            case NAMED -> "A named reviewer";
        });
        reviewerRule.setValue(CampaignForm.ReviewerRule.MANAGER);
        noResponse.setLabel("Undecided at close");
        noResponse.setItems(CampaignForm.NoResponse.values());
        noResponse.setItemLabelGenerator(r -> switch (r) {
            case KEEP -> "Keep the access";
            case REVOKE -> "Revoke the access";
            case RECOMMENDATION -> "Follow the recommendation";
        });
        noResponse.setValue(CampaignForm.NoResponse.RECOMMENDATION);
        starts.setValue(LocalDate.now(DisplayTime.zone()));
        due.setValue(LocalDate.now(DisplayTime.zone()).plusDays(14));
        FormLayout form = new FormLayout(name, systems, description, entitlementFilter, privilegedOnly, flaggedOnly, reviewerRule,
                namedReviewer, fallback, noResponse, starts, due);
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            campaigns.create(new CampaignForm(name.getValue(), description.getValue(), systems.getValue().stream().map(SystemInfo::id).toList(),
                    entitlementFilter.getValue(), privilegedOnly.getValue(), flaggedOnly.getValue(), List.of(), reviewerRule.getValue(),
                    namedReviewer.getValue(), fallback.getValue(), noResponse.getValue(),
                    starts.getValue() == null ? null : starts.getValue().atStartOfDay(DisplayTime.zone()).toInstant(),
                    due.getValue() == null ? null : due.getValue().plusDays(1).atStartOfDay(DisplayTime.zone()).toInstant()));
            Toasts.success("Campaign saved as a draft");
            close();
            saved.run();
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(56rem, 95vw)");
    }
}

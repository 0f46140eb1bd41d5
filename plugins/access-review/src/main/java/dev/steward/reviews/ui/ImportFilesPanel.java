package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.files.UploadedFile;
import dev.steward.reviews.imports.BundleFile;
import dev.steward.reviews.imports.BundlePlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The files of an export made of several files (a users file and members files), one row each: what Steward found in
 * it and, for a file of one group's members (which does not name its group), the group, proposed from the file name
 * and editable. A file can be taken out again.
 */
class ImportFilesPanel extends VerticalLayout {

    final Grid<BundlePlan.Planned> grid = new Grid<>();
    /** The group field of each file of one group's members, by file name. */
    final Map<String, TextField> groups = new LinkedHashMap<>();
    private final Map<String, UploadedFile> uploads = new LinkedHashMap<>();
    private final Consumer<String> removed;
    private final Runnable changed;

    /** {@code removed} takes the name of a file the user took out; {@code changed} runs when the user renames a group. */
    ImportFilesPanel(Consumer<String> removed, Runnable changed) {
        this.removed = removed;
        this.changed = changed;
        setPadding(false);
        grid.addColumn(BundlePlan.Planned::fileName).setHeader("File").setFlexGrow(2);
        grid.addColumn(p -> p.kind().label()).setHeader("Holds").setAutoWidth(true);
        grid.addComponentColumn(this::group).setHeader("Group").setKey("group").setFlexGrow(2);
        grid.addComponentColumn(p -> {
            Button remove = new Button("Remove", e -> this.removed.accept(p.fileName()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return remove;
        }).setHeader("").setKey("remove").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        add(grid);
    }

    /** Shows the plan of the uploaded files; a group the user already typed for a file is kept. */
    void show(BundlePlan plan, List<UploadedFile> files) {
        uploads.clear();
        files.forEach(f -> uploads.put(f.fileName(), f));
        Map<String, String> typed = new LinkedHashMap<>();
        groups.forEach((name, field) -> typed.put(name, field.getValue()));
        groups.clear();
        for (BundlePlan.Planned planned : plan.files()) {
            if (planned.kind().needsGroup()) {
                TextField field = new TextField();
                field.setWidthFull();
                field.setPlaceholder("the group these members belong to");
                field.setAriaLabel("Group of " + planned.fileName());
                String value = typed.containsKey(planned.fileName()) ? typed.get(planned.fileName()) : planned.group();
                field.setValue(value == null ? "" : value);
                field.addValueChangeListener(e -> changed.run()); // a previewed import is not the one renamed
                groups.put(planned.fileName(), field);
            }
        }
        grid.setItems(plan.files());
    }

    private com.vaadin.flow.component.Component group(BundlePlan.Planned planned) {
        TextField field = groups.get(planned.fileName());
        if (field != null) {
            return field;
        }
        return new Span(switch (planned.kind()) {
            case USERS -> "accounts: status, last sign-in";
            case MEMBERSHIPS -> "named in the file";
            default -> "";
        });
    }

    /** The files with the groups as the user named them. */
    List<BundleFile> files() {
        List<BundleFile> files = new ArrayList<>();
        uploads.forEach((name, upload) -> {
            TextField group = groups.get(name);
            files.add(new BundleFile(name, upload.path(), group == null ? null : group.getValue()));
        });
        return files;
    }
}

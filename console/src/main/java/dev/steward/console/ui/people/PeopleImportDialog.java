package dev.steward.console.ui.people;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.HrDateFormat;
import dev.steward.platform.people.HrPreset;
import dev.steward.platform.people.ImportCancelledException;
import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportResult;
import dev.steward.platform.people.PeopleColumnMapping;
import dev.steward.platform.people.PeopleColumnMapping.Field;
import dev.steward.platform.people.PeopleCsvFormat;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.people.RowError;
import dev.steward.platform.ui.Background;
import dev.steward.platform.ui.Toasts;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Upload a people CSV (Steward's own format or an HR system's export), see the preset and column mapping proposed for
 * its header (the one last used for that preset, or a guess) and change them, watch the file being checked (in the
 * background, with progress), see what it would change or every error with line and column, then import it all or
 * nothing.
 */
class PeopleImportDialog extends Dialog {

    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph("Steward's columns (" + String.join(", ", PeopleCsvFormat.COLUMNS)
            + ") or an export of Workday, BambooHR, HiBob or Personio. UTF-8, one person per line; people not in the file are kept.");
    final Select<HrPreset> preset = new Select<>();
    final Select<HrDateFormat> dateFormat = new Select<>();
    final Map<Field, ComboBox<String>> columns = new EnumMap<>(Field.class);
    final Grid<StatusWords> statusWords = new Grid<>();
    /** Where the columns come from, as the summary of the folding columns panel. */
    final Span proposal = new Span();
    final Details mappingPanel = new Details();
    final Button check = new Button("Check with these columns");
    final Grid<RowError> errors = new Grid<>();
    final Grid<ImportPlan.Change> changes = new Grid<>();
    final Button confirm = new Button("Import");
    final Button cancel = new Button("Cancel");
    /** The background work in progress, for tests to wait on. */
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final PeopleImport people;
    private final Runnable imported;
    private UploadedFile file;
    private List<String> header = List.of();
    private ImportPlan plan;
    /** True while the dialog itself fills the fields, so that only the user's changes call for a new check. */
    private boolean applying;

    /** One row of the status table: a Steward status and the words of the file that become it. */
    record StatusWords(EmploymentStatus status, String words) {
    }

    PeopleImportDialog(PeopleImport people, Runnable imported) {
        this.people = people;
        this.imported = imported;
        setHeaderTitle("Import people from CSV");
        setWidth("min(64rem, 95vw)");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        BoundedUpload.attach(upload, people.maxBytes(), this::check, status::setText);
        // the uploaded file lives in a temporary file until the dialog goes, and no longer than the work reading it
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardFile();
            }
        });
        addDetachListener(e -> discardFile());
        progress.setVisible(false);

        preset.setLabel("Exported from");
        preset.setItems(HrPreset.values());
        preset.setItemLabelGenerator(HrPreset::label);
        preset.addValueChangeListener(e -> {
            if (!applying && e.getValue() != null) {
                apply(people.suggest(e.getValue(), header));
                proposal.setText("The columns of " + e.getValue().label() + " found in this file's header. Check each column.");
                stale();
            }
        });
        dateFormat.setLabel("Dates written as");
        dateFormat.setItems(HrDateFormat.values());
        dateFormat.setItemLabelGenerator(HrDateFormat::label);
        dateFormat.addValueChangeListener(e -> {
            if (!applying) {
                stale();
            }
        });
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2), new ResponsiveStep("50rem", 4));
        form.add(preset, 2);
        form.add(dateFormat);
        for (Field field : Field.values()) {
            ComboBox<String> box = new ComboBox<>(field.label());
            box.setClearButtonVisible(true);
            box.setPlaceholder("not in the file");
            box.addValueChangeListener(e -> {
                if (!applying) {
                    stale();
                }
            });
            columns.put(field, box);
            form.add(box);
        }
        form.add(statusWords, 3); // beside the end date, the last column
        statusWords.addColumn(s -> s.status().label()).setHeader("Steward status").setAutoWidth(true).setFlexGrow(0);
        statusWords.addColumn(StatusWords::words).setHeader("Status words in the file").setFlexGrow(1);
        statusWords.setAllRowsVisible(true);
        statusWords.addThemeVariants(GridVariant.LUMO_COMPACT);
        Paragraph derived = new Paragraph("A full name column wins; without one (or where it is empty) the name is the preferred or "
                + "first name and the last name. A department becomes an org unit named after it. Without a status column, "
                + "people are active unless their end date has passed.");
        derived.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        mappingPanel.setSummary(proposal);
        VerticalLayout content = new VerticalLayout(form, derived);
        content.setPadding(false);
        content.setSpacing(false);
        mappingPanel.add(content);
        mappingPanel.setVisible(false);
        check.setEnabled(false);
        check.addClickListener(e -> preview());

        errors.addColumn(e -> e.line() == 0 ? "file" : String.valueOf(e.line())).setHeader("Line").setKey("line").setAutoWidth(true);
        errors.addColumn(e -> e.column() == null ? "" : e.column()).setHeader("Column").setAutoWidth(true);
        errors.addColumn(RowError::message).setHeader("Problem").setKey("problem").setFlexGrow(1);
        errors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // whole problems, not cut off
        changes.addColumn(ImportPlan.Change::line).setHeader("Line").setAutoWidth(true);
        changes.addColumn(ImportPlan.Change::employeeId).setHeader("Employee id").setAutoWidth(true);
        changes.addColumn(ImportPlan.Change::fullName).setHeader("Name").setAutoWidth(true);
        changes.addColumn(c -> c.added() ? "new" : "changes " + String.join(", ", c.changedFields())).setHeader("What").setFlexGrow(1);
        changes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        errors.setVisible(false);
        changes.setVisible(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> commit());
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        // the outcome of a check right under the upload, where it is seen without scrolling past the columns
        add(upload, progress, status, mappingPanel, errors, changes);
        getFooter().add(cancel, check, confirm);
    }

    /**
     * Takes an uploaded file: reads its header, proposes a preset and mapping, and checks the file with them at once
     * (in the background); the user may change the mapping and check again.
     */
    void check(UploadedFile uploaded) {
        discardFile();
        file = uploaded;
        try {
            header = people.header(uploaded.path());
        } catch (RuntimeException e) {
            mappingPanel.setVisible(false);
            status.setText(uploaded.fileName() + " could not be read: " + e.getMessage());
            return;
        }
        PeopleImport.MappingSuggestion suggestion = people.suggest(header);
        applying = true;
        columns.values().forEach(box -> box.setItems(header));
        applying = false;
        apply(suggestion);
        proposal.setText(suggestion.remembered() ? "These are the columns last used for " + suggestion.mapping().preset().label() + "."
                : "Proposed for this file's header: " + suggestion.mapping().preset().label() + ". Check each column.");
        mappingPanel.setVisible(true);
        // a file in Steward's own format needs no mapping: the columns stay folded away
        mappingPanel.setOpened(suggestion.mapping().preset() != HrPreset.GENERIC);
        check.setEnabled(true);
        preview();
    }

    private void apply(PeopleImport.MappingSuggestion suggestion) {
        PeopleColumnMapping m = suggestion.mapping();
        applying = true;
        try {
            preset.setValue(m.preset());
            dateFormat.setValue(m.dateFormat());
            columns.forEach((field, box) -> box.setValue(m.column(field)));
        } finally {
            applying = false;
        }
        statusWords.setItems(List.of(EmploymentStatus.values()).stream()
                .map(s -> new StatusWords(s, String.join(", ", m.preset().statusWords().entrySet().stream()
                        .filter(w -> w.getValue() == s).map(Map.Entry::getKey).toList())))
                .toList());
    }

    /** The mapping as the fields show it. */
    PeopleColumnMapping mapping() {
        Map<Field, String> chosen = new EnumMap<>(Field.class);
        columns.forEach((field, box) -> {
            if (box.getValue() != null) {
                chosen.put(field, box.getValue());
            }
        });
        return PeopleColumnMapping.of(preset.getValue(), chosen, dateFormat.getValue());
    }

    /** Null (Steward's own format, read strictly as always) for a file with exactly Steward's columns, mapped as guessed. */
    private PeopleColumnMapping mappingToUse() {
        PeopleColumnMapping chosen = mapping();
        Set<String> names = new HashSet<>();
        header.forEach(h -> names.add(h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')));
        boolean ownFormat = chosen.preset() == HrPreset.GENERIC && names.equals(Set.copyOf(PeopleCsvFormat.COLUMNS))
                && chosen.equals(PeopleColumnMapping.guess(HrPreset.GENERIC, header));
        return ownFormat ? null : chosen;
    }

    private void stale() {
        plan = null;
        confirm.setEnabled(false);
        status.setText("The columns changed: check the file again.");
    }

    /** Checks the file in the background; the dialog shows progress, then the preview or the errors. */
    private void preview() {
        UploadedFile reading = file;
        String fileName = reading.fileName();
        PeopleColumnMapping chosen = mappingToUse();
        UI ui = UI.getCurrent();
        plan = null;
        cancelled.set(false);
        confirm.setEnabled(false);
        check.setEnabled(false);
        errors.setVisible(false);
        changes.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText("Checking " + fileName + "…");
        work = Background.run(() -> {
            try {
                ImportPlan checked = people.prepare(reading.path(), fileName, chosen, (phase, done, total) -> ui.access(() -> {
                    progress.setIndeterminate(total <= 0);
                    progress.setValue(total <= 0 ? 0 : Math.min(1, (double) done / total));
                    status.setText(phase + "… " + done + " of " + total);
                }), cancelled::get);
                ui.access(() -> show(checked));
            } catch (ImportCancelledException e) {
                ui.access(() -> status.setText(e.getMessage()));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    check.setEnabled(true);
                    status.setText(fileName + " could not be checked: " + e.getMessage());
                });
            }
        });
    }

    private void show(ImportPlan checked) {
        plan = checked;
        progress.setVisible(false);
        check.setEnabled(file != null);
        if (!checked.importable()) {
            status.setText(checked.fileName() + " cannot be imported; nothing was changed. Fix these problems (or the columns) and check again:");
            errors.setItems(checked.errors());
            errors.setVisible(true);
            return;
        }
        ImportPlan.Preview p = checked.preview();
        status.setText(checked.fileName() + ": " + p.added() + " new, " + p.changed() + " changed, " + p.unchanged()
                + " unchanged; " + p.notInFile() + " people not in the file are kept."
                + (p.newOrgUnits().isEmpty() ? "" : " New org units: " + String.join(", ", p.newOrgUnits()) + "."));
        changes.setItems(p.changes());
        changes.setVisible(!p.changes().isEmpty());
        confirm.setText("Import " + (p.added() + p.changed()) + " changes");
        confirm.setEnabled(p.added() + p.changed() > 0);
    }

    private void commit() {
        UI ui = UI.getCurrent();
        ImportPlan toImport = plan;
        confirm.setEnabled(false);
        check.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setText("Importing " + toImport.rows().size() + " people…");
        work = Background.run(() -> {
            try {
                ImportResult result = people.commit(toImport);
                ui.access(() -> {
                    Toasts.success("Imported: " + result.added() + " new, " + result.changed() + " changed");
                    imported.run();
                    close();
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    check.setEnabled(file != null);
                    status.setText("The import failed and nothing was changed: " + e.getMessage());
                });
            }
        });
    }

    private void discardFile() {
        UploadedFile old = file;
        file = null;
        if (old != null) {
            work.whenComplete((done, failed) -> old.close());
        }
    }
}

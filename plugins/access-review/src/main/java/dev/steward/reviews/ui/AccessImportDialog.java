package dev.steward.reviews.ui;

import dev.steward.platform.ui.Background;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.ui.BoundedUpload;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.AccessPreset;
import dev.steward.reviews.imports.BundleFile;
import dev.steward.reviews.imports.BundlePlan;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.FileKind;
import dev.steward.reviews.imports.ImportFormat;
import dev.steward.reviews.imports.ImportPreview;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.systems.SystemInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports a system's accounts and entitlements: upload, say which system exported the file (proposed from its header,
 * or the system's last import), map the columns, see what would be added, changed and removed and what the import
 * noticed (or every problem with its line and column), then import. Both steps run in the background with progress
 * and can be cancelled; nothing is written until the import succeeds as a whole. A system that exports its users and
 * its memberships apart (Entra ID, Google Workspace, GitHub) is imported from several files uploaded together: the
 * users file and the members files, each file of one group's members with the group named from its file name, which
 * the user can correct before the preview. A file of another export replaces what was uploaded; a file no export is
 * recognised in joins the files as not recognised, for the preview to say so and the user to remove it.
 */
class AccessImportDialog extends Dialog {

    final Upload upload = new Upload();
    final ComboBox<AccessPreset> preset = new ComboBox<>("Exported from");
    final Paragraph presetHelp = new Paragraph(
            "The credential report's columns are fixed: each user's console password, active access keys and signing"
                    + " certificates become its entitlements, with the latest use as its last login. The root account is privileged.");
    final Paragraph bundleHelp = new Paragraph(
            "Upload the users file and the members files together (several at once). The users file gives each account its"
                    + " status and last sign-in; a members file that does not name its group is one group: check its name below.");
    final ImportFilesPanel bundle = new ImportFilesPanel(this::removeFile, this::groupRenamed);
    final ComboBox<String> account = mapping("Account");
    final ComboBox<String> entitlement = mapping("Entitlement");
    final ComboBox<String> employeeId = mapping("Employee id");
    final ComboBox<String> email = mapping("Email");
    final ComboBox<String> displayName = mapping("Display name");
    final ComboBox<String> lastLogin = mapping("Last login");
    final ComboBox<String> grantedVia = mapping("How granted");
    final ComboBox<String> accountStatus = mapping("Account status");
    private final FormLayout columns = new FormLayout(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia, accountStatus);
    final UnorderedList notes = new UnorderedList();
    final Button preview = new Button("Preview");
    final Button commit = new Button("Import");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Grid<Problem> problems = new Grid<>();
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AccessImport imports;
    private final SystemInfo system;
    private UploadedFile file;
    private String fileName;
    private List<String> header = List.of();
    /** True while the dialog itself sets the preset it proposes (the user's choice re-reads the files). */
    private boolean proposing;
    /** The files of an export of several files, while the dialog imports one (else empty). */
    private final List<UploadedFile> files = new ArrayList<>();

    AccessImportDialog(AccessImport imports, SystemInfo system) {
        this.imports = imports;
        this.system = system;
        setHeaderTitle("Import accounts and entitlements of " + system.name());
        BoundedUpload.attach(upload, imports.maxBytes(), this::receive, status::setText);
        // the uploaded file lives in a temporary file until the dialog goes, and no longer than the work reading it
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardFile();
            }
        });
        addDetachListener(e -> discardFile());
        upload.setAcceptedFileTypes(".csv", "text/csv", ".json", "application/json");
        upload.setMaxFiles(50);
        preset.setItems(AccessPreset.values());
        preset.setItemLabelGenerator(AccessPreset::label);
        preset.setWidthFull();
        preset.setEnabled(false);
        preset.addValueChangeListener(e -> {
            if (!proposing && e.getValue() != null) {
                if (!files.isEmpty()) {
                    replan(e.getValue());
                } else if (e.getValue().multiFile() && file != null) {
                    // the one file uploaded is a part of this system's export of several files
                    files.add(file);
                    file = null;
                    replan(e.getValue());
                } else {
                    showMapping(e.getValue().guess(header));
                }
            }
            AccessPreset value = e.getValue();
            columns.setVisible(files.isEmpty() && (value == null || value.mapped()));
            presetHelp.setVisible(files.isEmpty() && value == AccessPreset.AWS_CREDENTIAL_REPORT);
            bundleHelp.setVisible(!files.isEmpty() || (value != null && value.multiFile()));
        });
        presetHelp.setVisible(false);
        bundleHelp.setVisible(false);
        bundle.setVisible(false);
        notes.setVisible(false);
        problems.addColumn(p -> p.line() == 0 ? "file" : String.valueOf(p.line())).setHeader("Line").setKey("line").setAutoWidth(true);
        problems.addColumn(p -> p.field() == null ? "" : p.field()).setHeader("Column").setAutoWidth(true);
        problems.addColumn(Problem::message).setHeader("Problem").setKey("problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // whole messages, not cut
        problems.setVisible(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        preview.setEnabled(false);
        commit.setEnabled(false);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.addClickListener(e -> run(false));
        commit.addClickListener(e -> run(true));
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        add(upload, preset, presetHelp, bundleHelp, bundle, columns, progress, status, notes, problems);
        getFooter().add(cancel, preview, commit);
        setWidth("min(56rem, 95vw)");
    }

    /**
     * Takes an uploaded file: a file that, with those uploaded before, makes one export of several files joins them;
     * any other replaces them and is read alone (its header proposes what exported it and the column mapping).
     */
    void receive(UploadedFile uploaded) {
        if (!files.isEmpty() && join(uploaded)) {
            return;
        }
        discardFile();
        BundlePlan alone = imports.plan(null, List.of(new BundleFile(uploaded.fileName(), uploaded.path(), null)));
        if (alone.preset().multiFile() && alone.files().getFirst().kind() != FileKind.UNKNOWN) {
            files.add(uploaded);
            showBundle(alone);
            return;
        }
        String name = uploaded.fileName();
        file = uploaded;
        fileName = name;
        showSingle();
        try {
            header = imports.header(uploaded.path());
            for (ComboBox<String> box : List.of(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia, accountStatus)) {
                box.setItems(header);
            }
            ImportFormat proposed = imports.proposedFormat(system.id(), header);
            preset.setEnabled(true);
            propose(proposed.preset());
            showMapping(proposed.mapping());
            status.setText(name + ": check what exported it and the columns, then preview");
            preview.setEnabled(true);
        } catch (InvalidInputException e) {
            showProblems(e.problems());
        }
    }

    /**
     * Adds a file to the export of several files (a file of the same name is replaced); false when it is another
     * system's export, which replaces the files. A file no system is recognised in joins them as not recognised: the
     * preview says what is wrong with it, and the user can remove it.
     */
    private boolean join(UploadedFile uploaded) {
        List<UploadedFile> together = new ArrayList<>(files.stream().filter(f -> !f.fileName().equals(uploaded.fileName())).toList());
        together.add(uploaded);
        AccessPreset current = preset.getValue();
        BundlePlan joint = imports.plan(current != null && current.multiFile() ? current : null, bundleFiles(together));
        if (!joint.preset().multiFile() || (joint.files().getLast().kind() == FileKind.UNKNOWN && !unrecognised(uploaded))) {
            return false;
        }
        files.stream().filter(f -> f.fileName().equals(uploaded.fileName())).toList().forEach(this::discard);
        files.removeIf(f -> f.fileName().equals(uploaded.fileName()));
        files.add(uploaded);
        showBundle(joint);
        return true;
    }

    /** Whether no export Steward knows is recognised in the file (neither one of several files nor a one-file export). */
    private boolean unrecognised(UploadedFile uploaded) {
        if (imports.plan(null, bundleFiles(List.of(uploaded))).preset().multiFile()) {
            return false;
        }
        try {
            return AccessPreset.recognise(imports.header(uploaded.path())) == AccessPreset.GENERIC;
        } catch (InvalidInputException notReadable) {
            return true;
        }
    }

    private static List<BundleFile> bundleFiles(List<UploadedFile> uploads) {
        return uploads.stream().map(f -> new BundleFile(f.fileName(), f.path(), null)).toList();
    }

    /** Shows the files of an export of several files with what each holds; the columns are the preset's. */
    private void showBundle(BundlePlan plan) {
        problems.setVisible(false);
        notes.setVisible(false);
        bundle.show(plan, files);
        bundle.setVisible(true);
        preset.setEnabled(true);
        propose(plan.preset());
        columns.setVisible(false);
        presetHelp.setVisible(false);
        bundleHelp.setVisible(true);
        boolean recognised = plan.files().stream().noneMatch(f -> f.kind() == FileKind.UNKNOWN);
        status.setText(files.size() + " file(s) of " + plan.preset().label() + (recognised ? ": check the groups, then preview"
                : ": a file is not one this system exports; remove it or choose what exported the files"));
        preview.setEnabled(true);
        commit.setEnabled(false);
    }

    /** The uploaded files as exports of the preset the user chose. */
    private void replan(AccessPreset chosen) {
        if (!chosen.multiFile()) {
            status.setText(chosen.label() + " is one file: upload it alone");
            preview.setEnabled(false);
            return;
        }
        showBundle(imports.plan(chosen, bundleFiles(files)));
    }

    private void removeFile(String name) {
        files.stream().filter(f -> f.fileName().equals(name)).toList().forEach(this::discard);
        files.removeIf(f -> f.fileName().equals(name));
        if (files.isEmpty()) {
            showSingle();
            status.setText("Upload a file");
            preview.setEnabled(false);
            commit.setEnabled(false);
        } else {
            replan(preset.getValue() == null ? AccessPreset.GENERIC : preset.getValue());
        }
    }

    /** A group renamed after a preview: the import would not be the one previewed. */
    private void groupRenamed() {
        commit.setEnabled(false);
    }

    private void propose(AccessPreset proposed) {
        proposing = true;
        try {
            preset.setValue(proposed);
        } finally {
            proposing = false;
        }
    }

    private void showSingle() {
        bundle.setVisible(false);
        bundleHelp.setVisible(false);
        columns.setVisible(true);
    }

    private void showMapping(ColumnMapping m) {
        account.setValue(m.account());
        entitlement.setValue(m.entitlement());
        employeeId.setValue(m.employeeId());
        email.setValue(m.email());
        displayName.setValue(m.displayName());
        lastLogin.setValue(m.lastLogin());
        grantedVia.setValue(m.grantedVia());
        accountStatus.setValue(m.status());
    }

    ImportFormat format() {
        AccessPreset chosen = preset.getValue() == null ? AccessPreset.GENERIC : preset.getValue();
        return new ImportFormat(chosen, !chosen.mapped() ? chosen.guess(header)
                : new ColumnMapping(account.getValue(), entitlement.getValue(), employeeId.getValue(), email.getValue(),
                displayName.getValue(), lastLogin.getValue(), grantedVia.getValue(), accountStatus.getValue()));
    }

    private void run(boolean doCommit) {
        UI ui = UI.getCurrent();
        ImportFormat format = format();
        java.nio.file.Path reading = file == null ? null : file.path();
        List<BundleFile> parts = files.isEmpty() ? List.of() : bundle.files();
        cancelled.set(false);
        problems.setVisible(false);
        notes.setVisible(false);
        progress.setVisible(true);
        preview.setEnabled(false);
        commit.setEnabled(false);
        AccessImport.Progress report = new AccessImport.Progress(
                rows -> ui.access(() -> status.setText(String.format("%,d rows read…", rows))), cancelled::get);
        work = Background.run(() -> {
            try {
                if (!parts.isEmpty() && doCommit) {
                    ImportResult result = imports.commitBundle(system.id(), format.preset(), parts, report);
                    ui.access(() -> done(result));
                } else if (!parts.isEmpty()) {
                    ImportPreview changes = imports.previewBundle(system.id(), format.preset(), parts, report);
                    ui.access(() -> show(changes));
                } else if (doCommit) {
                    ImportResult result = imports.commit(system.id(), reading, fileName, format, report);
                    ui.access(() -> done(result));
                } else {
                    ImportPreview changes = imports.preview(system.id(), reading, format, report);
                    ui.access(() -> show(changes));
                }
            } catch (InvalidInputException e) {
                ui.access(() -> showProblems(e.problems()));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    progress.setVisible(false);
                    preview.setEnabled(true);
                    status.setText(e.getMessage());
                });
            }
        });
    }

    /** Lets go of every uploaded file (each is deleted once no work reads it). */
    private void discardFile() {
        UploadedFile old = file;
        file = null;
        discard(old);
        files.forEach(this::discard);
        files.clear();
    }

    private void discard(UploadedFile old) {
        if (old != null) {
            work.whenComplete((done, failed) -> old.close());
        }
    }

    private void show(ImportPreview p) {
        progress.setVisible(false);
        status.setText(describe(p));
        notes.removeAll();
        p.notes().forEach(note -> notes.add(new ListItem(note)));
        notes.setVisible(!p.notes().isEmpty());
        preview.setEnabled(true);
        commit.setEnabled(true);
    }

    private void done(ImportResult result) {
        progress.setVisible(false);
        status.setText(describe(result));
        cancel.setText("Close");
    }

    /** What a preview found, in one paragraph (shared with the LDAP dialog). */
    static String describe(ImportPreview p) {
        return String.format("%,d rows, %,d accounts. Grants: %,d added, %,d removed, %s%,d unchanged. Accounts: %,d added,"
                        + " %,d changed, %,d removed.%s%s%s", p.rows(), p.accounts(), p.grantsAdded(), p.grantsRemoved(),
                p.howGrantedChanged() == 0 ? "" : String.format("%,d how granted changed, ", p.howGrantedChanged()), p.grantsKept(),
                p.accountsAdded(), p.accountsChanged(), p.accountsRemoved(),
                p.sampleAdded().isEmpty() ? "" : " Added e.g. " + String.join("; ", p.sampleAdded()) + ".",
                p.sampleRemoved().isEmpty() ? "" : " Removed e.g. " + String.join("; ", p.sampleRemoved()) + ".",
                p.sampleHowGrantedChanged().isEmpty() ? "" : " How granted changed e.g. " + String.join("; ", p.sampleHowGrantedChanged()) + ".");
    }

    /** What an import did (shared with the LDAP dialog). */
    static String describe(ImportResult result) {
        long howGranted = result.changes().howGrantedChanged();
        return String.format("Imported as snapshot #%d: %,d grants added, %,d removed%s. Revocations verified: %d; "
                        + "revoked but not removed: %d.", result.number(), result.changes().grantsAdded(), result.changes().grantsRemoved(),
                howGranted == 0 ? "" : String.format(", %,d how granted changed", howGranted), result.verified(), result.notRemoved());
    }

    private void showProblems(List<Problem> found) {
        progress.setVisible(false);
        status.setText("Nothing was imported. " + found.size() + " problem(s)" + (found.size() >= 100 ? " (the first 100)" : "") + ":");
        problems.setItems(found);
        problems.setVisible(true);
        preview.setEnabled(file != null || !files.isEmpty());
    }

    private static ComboBox<String> mapping(String label) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setClearButtonVisible(true);
        box.setPlaceholder("not in the file");
        return box;
    }
}

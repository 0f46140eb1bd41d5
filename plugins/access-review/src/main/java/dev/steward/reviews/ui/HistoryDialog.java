package dev.steward.reviews.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import dev.steward.platform.export.ui.ExportDialog;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.reviews.imports.HowGranted;
import dev.steward.reviews.imports.Snapshots;
import dev.steward.reviews.systems.SystemInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A system's imports (each a dated snapshot) and the difference between two of them, the last two by default: counts,
 * then page by page the grants added, removed or held another way and the accounts added, removed or changed; CSV of
 * it all.
 */
class HistoryDialog extends Dialog {

    final Grid<Snapshots.Snapshot> imports = new Grid<>();
    final Select<Snapshots.Snapshot> from = new Select<>();
    final Select<Snapshots.Snapshot> to = new Select<>();
    final Paragraph summary = new Paragraph();
    final Tabs sections = new Tabs();
    final Tab grantsAdded = new Tab("Grants added");
    final Tab grantsRemoved = new Tab("Grants removed");
    final Tab howGranted = new Tab("How granted changed");
    final Tab accountsAdded = new Tab("Accounts added");
    final Tab accountsRemoved = new Tab("Accounts removed");
    final Tab accountsChanged = new Tab("Accounts changed");
    final Grid<Snapshots.Grant> grants = new Grid<>();
    final Grid<Snapshots.Account> accounts = new Grid<>();
    final Button export = new Button("Export diff (CSV)", VaadinIcon.DOWNLOAD.create());
    /** The last export started, for tests. */
    ExportDialog exportDialog;
    private final Snapshots snapshots;
    private final SystemInfo system;
    private Snapshots.Diff diff;
    private List<Snapshots.Snapshot> history = List.of();

    HistoryDialog(Snapshots snapshots, SystemInfo system) {
        this.snapshots = snapshots;
        this.system = system;
        setHeaderTitle("Imports of " + system.name());
        setWidth("min(72rem, 95vw)");
        setHeight("min(56rem, 95vh)");
        imports.addColumn(s -> "#" + s.number()).setHeader("Snapshot").setAutoWidth(true);
        imports.addColumn(s -> DisplayTime.format(s.importedAt())).setHeader("When").setAutoWidth(true);
        imports.addColumn(Snapshots.Snapshot::importedBy).setHeader("By").setAutoWidth(true);
        imports.addColumn(s -> s.source() + (s.fileName() == null ? "" : " · " + s.fileName())).setHeader("Source").setFlexGrow(1);
        imports.addColumn(Snapshots.Snapshot::accounts).setHeader("Accounts").setAutoWidth(true);
        imports.addColumn(Snapshots.Snapshot::grants).setHeader("Grants").setAutoWidth(true);
        imports.addColumn(s -> "+" + s.added() + " / −" + s.removed() + (s.howGrantedChanged() == 0 ? ""
                : " · " + s.howGrantedChanged() + " how granted changed")).setHeader("Added / removed").setKey("added").setAutoWidth(true);
        imports.addColumn(s -> s.sha256() == null ? "" : s.sha256().substring(0, Math.min(12, s.sha256().length())) + "…")
                .setHeader("SHA-256").setAutoWidth(true);
        imports.setHeight("12rem");
        history = snapshots.history(system.id());
        imports.setItems(history);
        add(imports);
        if (history.size() < 2) {
            add(new Paragraph(history.isEmpty() ? "No imports yet." : "One import so far: a diff needs two."));
        } else {
            addDiff(history);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private void addDiff(List<Snapshots.Snapshot> history) {
        for (Select<Snapshots.Snapshot> pick : List.of(from, to)) {
            pick.setItems(history);
            pick.setItemLabelGenerator(s -> "#" + s.number() + " · " + DisplayTime.format(s.importedAt()));
        }
        from.setLabel("From (older)");
        to.setLabel("To (newer)");
        from.setValue(history.get(1));
        to.setValue(history.get(0));
        from.addValueChangeListener(e -> compare());
        to.addValueChangeListener(e -> compare());
        sections.add(grantsAdded, grantsRemoved, howGranted, accountsAdded, accountsRemoved, accountsChanged);
        sections.addSelectedChangeListener(e -> showSection());
        grants.addColumn(Snapshots.Grant::accountName).setHeader("Account").setFlexGrow(1);
        grants.addColumn(Snapshots.Grant::entitlement).setHeader("Entitlement").setFlexGrow(1);
        grants.addColumn(g -> g.privileged() ? "privileged" : "").setHeader("Privileged").setAutoWidth(true);
        grants.addColumn(g -> sections.getSelectedTab() == howGranted ? HowGranted.change(g.previousGrantedVia(), g.grantedVia())
                : HowGranted.of(g.grantedVia())).setHeader("How granted").setKey("howGranted").setFlexGrow(2);
        accounts.addColumn(Snapshots.Account::accountName).setHeader("Account").setFlexGrow(1);
        accounts.addColumn(a -> details(a.before())).setHeader("Before").setFlexGrow(2);
        accounts.addColumn(a -> details(a.after())).setHeader("After").setFlexGrow(2);
        accounts.addColumn(a -> String.join(", ", a.changed())).setHeader("Changed").setAutoWidth(true);
        grants.setHeight("18rem");
        accounts.setHeight("18rem");
        export.addClickListener(e -> {
            long a = from.getValue().id();
            long b = to.getValue().id();
            exportDialog = new ExportDialog("Diff of " + system.name(), snapshots.fileName(system.id(), a, b), "text/csv", diff.total(),
                    (out, progress) -> snapshots.exportCsv(system.id(), a, b, out, progress));
            exportDialog.open();
        });
        HorizontalLayout picks = new HorizontalLayout(from, to, export);
        picks.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H4("Difference"), picks, summary, sections, grants, accounts);
        compare();
    }

    private void compare() {
        if (from.getValue() == null || to.getValue() == null || from.getValue().id() == to.getValue().id()) {
            diff = null;
            summary.setText("Choose two different imports.");
            grants.setVisible(false);
            accounts.setVisible(false);
            sections.setVisible(false);
            export.setEnabled(false);
            return;
        }
        try {
            diff = snapshots.diff(system.id(), from.getValue().id(), to.getValue().id());
        } catch (IllegalArgumentException ex) {
            diff = null;
            summary.setText(ex.getMessage());
            return;
        }
        summary.setText("From #" + number(diff.from()) + " to #" + number(diff.to()) + ": grants " + diff.grantsAdded() + " added, "
                + diff.grantsRemoved() + " removed, " + diff.howGrantedChanged() + " how granted changed; accounts " + diff.accountsAdded()
                + " added, " + diff.accountsRemoved() + " removed, " + diff.accountsChanged() + " changed.");
        grantsAdded.setLabel("Grants added (" + diff.grantsAdded() + ")");
        grantsRemoved.setLabel("Grants removed (" + diff.grantsRemoved() + ")");
        howGranted.setLabel("How granted changed (" + diff.howGrantedChanged() + ")");
        accountsAdded.setLabel("Accounts added (" + diff.accountsAdded() + ")");
        accountsRemoved.setLabel("Accounts removed (" + diff.accountsRemoved() + ")");
        accountsChanged.setLabel("Accounts changed (" + diff.accountsChanged() + ")");
        sections.setVisible(true);
        export.setEnabled(diff.total() > 0);
        showSection();
    }

    private void showSection() {
        if (diff == null) {
            return;
        }
        Tab tab = sections.getSelectedTab();
        Snapshots.Diff d = diff;
        long systemId = system.id();
        boolean grantTab = tab == grantsAdded || tab == grantsRemoved || tab == howGranted;
        if (grantTab) {
            Snapshots.GrantChange change = tab == grantsAdded ? Snapshots.GrantChange.ADDED
                    : tab == grantsRemoved ? Snapshots.GrantChange.REMOVED : Snapshots.GrantChange.HOW_GRANTED_CHANGED;
            long count = switch (change) {
                case ADDED -> d.grantsAdded();
                case REMOVED -> d.grantsRemoved();
                case HOW_GRANTED_CHANGED -> d.howGrantedChanged();
            };
            grants.setItems(q -> snapshots.grants(systemId, d.from(), d.to(), change, q.getOffset(), q.getLimit()).stream(), q -> (int) count);
        } else {
            Snapshots.AccountChange change = tab == accountsAdded ? Snapshots.AccountChange.ADDED
                    : tab == accountsRemoved ? Snapshots.AccountChange.REMOVED : Snapshots.AccountChange.CHANGED;
            long count = switch (change) {
                case ADDED -> d.accountsAdded();
                case REMOVED -> d.accountsRemoved();
                case CHANGED -> d.accountsChanged();
            };
            accounts.setItems(q -> snapshots.accounts(systemId, d.from(), d.to(), change, q.getOffset(), q.getLimit()).stream(), q -> (int) count);
        }
        grants.setVisible(grantTab);
        accounts.setVisible(!grantTab);
    }

    private static String details(Snapshots.AccountDetails d) {
        if (d == null) {
            return "";
        }
        return java.util.stream.Stream.of(d.displayName(), d.employeeId(), d.email(), d.lastLogin() == null ? null : "last login "
                        + DisplayTime.format(d.lastLogin()), d.disabled() ? "disabled" : null)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
    }

    /** The system's number of an import (#1, #2...), as the imports grid shows it. */
    private String number(long importId) {
        return history.stream().filter(s -> s.id() == importId).map(s -> String.valueOf(s.number())).findFirst()
                .orElse(String.valueOf(importId));
    }
}

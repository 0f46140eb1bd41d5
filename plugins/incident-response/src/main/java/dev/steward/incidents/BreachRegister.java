package dev.steward.incidents;

import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.PdfReport;
import dev.steward.platform.export.SafeCsv;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import static dev.steward.incidents.db.Tables.INCIDENT;
import static dev.steward.incidents.db.Tables.INCIDENT_RESIDENCY;
import static dev.steward.incidents.db.Tables.OBLIGATION;
import static dev.steward.incidents.db.Tables.RULE_NOT_OWED;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * The register of personal-data breaches (GDPR Art. 33(5)): every incident, notified or not, with its facts, effects,
 * remedial action and the decisions taken on each notice. Streamed for export: never all in memory.
 */
@Service
public class BreachRegister {

    /**
     * One incident as the register shows it; {@code decisions} lists each notice and what was decided, {@code notOwed}
     * the rules considered that called for no notice, with the reason.
     *
     * @param dataCategories the catalogue codes, for machines (CSV)
     * @param dataCategoryNames their names in the catalogue, for people (PDF)
     * @param individuals the individuals affected: the number given, or the residents recorded per jurisdiction when
     *                    that is more (as the rules count them)
     */
    public record Entry(String reference, String title, String type, Instant discovered, Instant aware, String phase,
                       String dataCategories, String dataCategoryNames, Integer individuals, String consequences, String measures,
                       String risk, String decisions, String notOwed) {
    }

    private final DSLContext dsl;
    private final PrivacyCatalog catalog;

    BreachRegister(DSLContext dsl, PrivacyCatalog catalog) {
        this.dsl = dsl;
        this.catalog = catalog;
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public int count() {
        return dsl.fetchCount(INCIDENT);
    }

    /** Every entry, oldest discovery first, read with a cursor. */
    @PreAuthorize(IncidentPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public void forEach(Consumer<Entry> sink) {
        Field<String> decisions = select(field("string_agg({0} || ' · ' || {1} || ': ' || lower(replace({2}, '_', ' '))"
                        + " || coalesce(' (' || {3} || ')', ''), '; ' order by {4})", String.class,
                OBLIGATION.REGIME, OBLIGATION.RECIPIENT, OBLIGATION.STATUS, OBLIGATION.DECISION_REASON, OBLIGATION.ID))
                .from(OBLIGATION).where(OBLIGATION.INCIDENT_ID.eq(INCIDENT.ID)).asField("decisions");
        Field<String> notOwed = select(field("string_agg({0} || ' · ' || {1} || case when {2} in ('*', 'EEA', 'GB') then '' else ' (' || {2} || ')' end"
                        + " || ' — not owed: ' || {3} || ' (' || {4} || ')', '; ' order by {0}, {1}, {2})", String.class,
                RULE_NOT_OWED.REGIME, RULE_NOT_OWED.RECIPIENT, RULE_NOT_OWED.JURISDICTION, RULE_NOT_OWED.REASON, RULE_NOT_OWED.CITATION))
                .from(RULE_NOT_OWED).where(RULE_NOT_OWED.INCIDENT_ID.eq(INCIDENT.ID)).asField("not_owed");
        Field<Integer> residents = field(select(sum(INCIDENT_RESIDENCY.RESIDENTS).cast(Integer.class)).from(INCIDENT_RESIDENCY)
                .where(INCIDENT_RESIDENCY.INCIDENT_ID.eq(INCIDENT.ID)));
        Map<String, String> categoryNames = new HashMap<>();
        catalog.entries(CatalogKind.DATA_CATEGORY, true).forEach(c -> categoryNames.put(c.code(), c.name()));
        try (var cursor = dsl.select(INCIDENT.REFERENCE, INCIDENT.TITLE, INCIDENT.TYPE, INCIDENT.DISCOVERED_AT, INCIDENT.AWARE_AT,
                        INCIDENT.PHASE, INCIDENT.DATA_CATEGORIES, greatest(INCIDENT.INDIVIDUALS_COUNT, residents), INCIDENT.CONSEQUENCES,
                        INCIDENT.MEASURES_TAKEN, INCIDENT.RISK_LEVEL, decisions, notOwed)
                .from(INCIDENT).orderBy(INCIDENT.DISCOVERED_AT, INCIDENT.ID).fetchSize(500).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(new Entry(r.value1(), r.value2(), r.value3().label(), r.value4(),
                        r.value5(), r.value6().label(), String.join(", ", r.value7()),
                        Arrays.stream(r.value7()).map(c -> categoryNames.getOrDefault(c, c)).collect(Collectors.joining(", ")),
                        r.value8(), r.value9(), r.value10(), r.value11() == null ? "not concluded" : r.value11().label(),
                        r.value12() == null ? "no notice called for" : r.value12(), r.value13() == null ? "" : r.value13()));
            }
        }
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    public void writeCsv(OutputStream out, ExportProgress progress) {
        long[] rows = {0};
        try (SafeCsv csv = SafeCsv.open(out, "reference", "title", "type", "discovered", "aware", "phase", "data_categories",
                "individuals", "consequences", "remedial_action", "risk", "decisions", "not_owed")) {
            forEach(e -> {
                csv.row(e.reference(), e.title(), e.type(), e.discovered(), e.aware(), e.phase(), e.dataCategories(), e.individuals(),
                        e.consequences(), e.measures(), e.risk(), e.decisions(), e.notOwed());
                tick(progress, ++rows[0]);
            });
        }
        progress.rowsWritten(rows[0]);
    }

    @PreAuthorize(IncidentPermissions.MAY_READ)
    public void writePdf(OutputStream out, ExportProgress progress) {
        long[] rows = {0};
        try (PdfReport pdf = PdfReport.start(out, "Register of personal-data breaches (GDPR Art. 33(5))")) {
            pdf.meta("Scope", "every incident logged, notified or not");
            pdf.table("Reference", "Incident", "Discovered / aware (UTC)", "Facts", "Effects", "Remedial action", "Risk", "Decisions",
                    "Not owed");
            forEach(e -> {
                pdf.row(e.reference(), e.title() + " (" + e.type() + ", " + e.phase() + ")",
                        e.discovered() + (e.aware() == null ? "" : " / " + e.aware()),
                        (e.individuals() == null ? "" : e.individuals() + " individuals; ") + e.dataCategoryNames(),
                        e.consequences(), e.measures(), e.risk(), e.decisions(), e.notOwed());
                tick(progress, ++rows[0]);
            });
        }
        progress.rowsWritten(rows[0]);
    }

    private static void tick(ExportProgress progress, long rows) {
        if (rows % 200 == 0) {
            progress.rowsWritten(rows);
            if (progress.cancelled()) {
                throw new ExportProgress.Cancelled();
            }
        }
    }
}

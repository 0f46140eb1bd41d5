package dev.steward.reviews.evidence;

import dev.steward.platform.Sha256;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.SafeCsv;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The CSV files of a campaign's evidence, written the same way every time (rows by id, times as UTC instants) so
 * that their SHA-256 taken at close proves later copies unchanged. The items and the decision history are frozen at
 * close; remediation goes on changing as systems are cleaned up, so it is in the pack but not in the close manifest.
 */
public final class EvidenceFiles {

    public static final String ITEMS = "items.csv";
    public static final String DECISIONS = "decisions.csv";
    public static final String REMEDIATION = "remediation.csv";

    private EvidenceFiles() {
    }

    /** The close manifest: {@code sha256sum} lines for the frozen files. Called by the close, in its transaction. */
    public static String frozenManifest(DSLContext dsl, long campaignId) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(ITEMS, hashOf(out -> writeItems(dsl, campaignId, out, rows -> { }, () -> false)));
        hashes.put(DECISIONS, hashOf(out -> writeDecisions(dsl, campaignId, out, rows -> { }, () -> false)));
        return manifest(hashes);
    }

    static String manifest(Map<String, String> hashes) {
        return hashes.entrySet().stream().map(e -> e.getValue() + "  " + e.getKey()).collect(Collectors.joining("\n", "", "\n"));
    }

    static long writeItems(DSLContext dsl, long campaignId, OutputStream out, LongConsumer rows, BooleanSupplier cancelled) {
        return write(dsl.resultQuery("""
                        select i.id, s.code system, i.account_name, i.person_id, i.person_name, i.entitlement, i.privileged,
                               array_to_string(i.flags, ' ') flags, i.recommendation, i.recommendation_reason, i.reviewer,
                               i.routed_to_fallback, i.stage, i.outcome, i.decided_by, i.decided_at, i.by_rule, i.bulk, i.comment
                        from reviews.review_item i join reviews.system s on s.id = i.system_id
                        where i.campaign_id = ? order by i.id""", campaignId).fetchSize(2_000).fetchLazy(),
                out, rows, cancelled, "item", "system", "account", "person_id", "person", "entitlement", "privileged", "flags",
                "recommendation", "recommendation_reason", "reviewer", "routed_to_fallback", "stage", "outcome", "decided_by",
                "decided_at_utc", "decided_by_no_response_rule", "bulk", "comment");
    }

    static long writeDecisions(DSLContext dsl, long campaignId, OutputStream out, LongConsumer rows, BooleanSupplier cancelled) {
        return write(dsl.resultQuery("""
                        select e.id, e.item_id, e.stage, e.occurred_at, e.actor, e.action, e.detail
                        from reviews.item_event e join reviews.review_item i on i.id = e.item_id
                        where i.campaign_id = ? order by e.id""", campaignId).fetchSize(2_000).fetchLazy(),
                out, rows, cancelled, "event", "item", "stage", "occurred_at_utc", "who", "action", "comment_or_detail");
    }

    static long writeRemediation(DSLContext dsl, long campaignId, OutputStream out, LongConsumer rows, BooleanSupplier cancelled) {
        return write(dsl.resultQuery("""
                        select r.item_id, s.code system, r.account_name, r.entitlement, r.status, r.note, r.updated_by, r.updated_at,
                               ir.number verified_snapshot, ir.imported_at verified_import_at,
                               (select string_agg(to_char(m.marked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || m.status
                                       || ' by ' || m.marked_by || coalesce(' (' || m.note || ')', '')
                                       || coalesce(' snapshot #' || mi.number, ''), '; ' order by m.id)
                                from reviews.remediation_mark m left join reviews.import_run mi on mi.id = m.import_id
                                where m.remediation_id = r.id) history
                        from reviews.remediation r join reviews.system s on s.id = r.system_id
                        left join reviews.import_run ir on ir.id = r.verified_import
                        where r.campaign_id = ? order by r.item_id""", campaignId).fetchSize(2_000).fetchLazy(),
                out, rows, cancelled, "item", "system", "account", "entitlement", "status", "ticket_or_reason", "updated_by",
                "updated_at_utc", "proof_snapshot", "proof_import_at_utc", "history");
    }

    private static long write(Cursor<Record> cursor, OutputStream out, LongConsumer rows, BooleanSupplier cancelled,
                              String... header) {
        long n = 0;
        try (cursor; SafeCsv csv = SafeCsv.open(out, header)) {
            for (Record r : cursor) {
                Object[] cells = new Object[r.size()];
                for (int i = 0; i < cells.length; i++) {
                    Object v = r.get(i);
                    cells[i] = v instanceof OffsetDateTime t ? DateTimeFormatter.ISO_INSTANT.format(t.toInstant()) : v;
                }
                csv.row(cells);
                if (++n % 1_000 == 0) {
                    rows.accept(n);
                    if (cancelled.getAsBoolean()) {
                        throw new ExportProgress.Cancelled();
                    }
                }
            }
        }
        rows.accept(n);
        return n;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The SHA-256 of what {@code writer} writes, without keeping it. */
    static String hashOf(Writer writer) {
        MessageDigest digest = Sha256.digest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            writer.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Sha256.hex(digest);
    }

    /** Passes writes on, never closes: for writers that close their stream when done with one entry of a zip. */
    static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

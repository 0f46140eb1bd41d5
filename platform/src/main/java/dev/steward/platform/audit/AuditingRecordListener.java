package dev.steward.platform.audit;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordContext;
import org.jooq.RecordListener;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.springframework.beans.factory.ObjectProvider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Audits every change made through jOOQ records ({@code record.store()}, {@code insert()}, {@code update()},
 * {@code delete()}) in any module: the table's schema is the module, the table the entity type, the primary key the
 * entity id, with before and after values of what changed. Secrets (columns named like password, secret, token)
 * are recorded as changed but never stored, binary values only by their size. Set-based SQL is not seen here: services that change many rows with
 * one statement call {@link AuditTrail#record} themselves with a summary.
 */
public class AuditingRecordListener implements RecordListener {

    private static final String PENDING = AuditingRecordListener.class.getName() + ".pending";
    private final ObjectProvider<AuditTrail> audit;

    public AuditingRecordListener(ObjectProvider<AuditTrail> audit) {
        this.audit = audit;
    }

    @Override
    public void insertEnd(RecordContext ctx) {
        write(ctx.record(), "CREATE", null, values(ctx.record(), false));
    }

    @Override
    public void updateStart(RecordContext ctx) {
        Record record = ctx.record();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            if (record.changed(field) && !java.util.Objects.equals(record.original(field), record.get(field))) {
                before.put(field.getName(), redact(field, record.original(field)));
                after.put(field.getName(), redact(field, record.get(field)));
            }
        }
        ctx.data(PENDING, new Map[]{before, after});
    }

    @Override
    @SuppressWarnings("unchecked")
    public void updateEnd(RecordContext ctx) {
        Map<String, Object>[] pending = (Map<String, Object>[]) ctx.data(PENDING);
        if (pending != null && !pending[1].isEmpty()) {
            write(ctx.record(), "UPDATE", pending[0], pending[1]);
        }
    }

    @Override
    public void deleteStart(RecordContext ctx) {
        ctx.data(PENDING, new Map[]{values(ctx.record(), true), null});
    }

    @Override
    @SuppressWarnings("unchecked")
    public void deleteEnd(RecordContext ctx) {
        Map<String, Object>[] pending = (Map<String, Object>[]) ctx.data(PENDING);
        write(ctx.record(), "DELETE", pending == null ? null : pending[0], null);
    }

    private void write(Record record, String action, Map<String, Object> before, Map<String, Object> after) {
        if (!(record instanceof TableRecord<?> tableRecord)) {
            return;
        }
        var table = tableRecord.getTable();
        if (table.getName().equals("audit_log")) {
            return;
        }
        String module = table.getSchema() == null ? "public" : table.getSchema().getName();
        audit.getObject().record(new AuditEvent(module, table.getName(), entityId(tableRecord), action, before, after, null, null));
    }

    private static String entityId(TableRecord<?> record) {
        if (record instanceof UpdatableRecord<?> updatable && updatable.getTable().getPrimaryKey() != null) {
            return updatable.getTable().getPrimaryKey().getFields().stream()
                    .map(f -> String.valueOf(record.get(f))).collect(Collectors.joining(","));
        }
        return null;
    }

    private static Map<String, Object> values(Record record, boolean original) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field<?> field : record.fields()) {
            values.put(field.getName(), redact(field, original ? record.original(field) : record.get(field)));
        }
        return values;
    }

    private static Object redact(Field<?> field, Object value) {
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)"; // file contents: the audit keeps their size; the hash is a column
        }
        String name = field.getName().toLowerCase(Locale.ROOT);
        boolean secret = name.contains("password") || name.contains("secret") || name.contains("token");
        return secret && value != null ? "(redacted)" : value;
    }
}

package dev.steward.platform.people;

import dev.steward.platform.people.PeopleColumnMapping.Field;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.PEOPLE_IMPORT_MAPPING;

/** The mapping last used for each preset: saved with a successful import, offered again for the next file of that kind. */
@Component
class PeopleImportMappings {

    private final DSLContext dsl;

    PeopleImportMappings(DSLContext dsl) {
        this.dsl = dsl;
    }

    void remember(PeopleColumnMapping mapping) {
        var record = dsl.newRecord(PEOPLE_IMPORT_MAPPING);
        record.setPreset(mapping.preset().name());
        for (Field field : Field.values()) {
            record.set(column(field), mapping.column(field));
        }
        record.setDateFormat(mapping.dateFormat().name());
        record.setSavedAt(java.time.Instant.now());
        dsl.insertInto(PEOPLE_IMPORT_MAPPING).set(record)
                .onConflict(PEOPLE_IMPORT_MAPPING.PRESET).doUpdate().set(record).execute();
    }

    Optional<PeopleColumnMapping> last(HrPreset preset) {
        return dsl.selectFrom(PEOPLE_IMPORT_MAPPING).where(PEOPLE_IMPORT_MAPPING.PRESET.eq(preset.name()))
                .fetchOptional().map(r -> {
                    Map<Field, String> columns = new EnumMap<>(Field.class);
                    for (Field field : Field.values()) {
                        String column = r.get(column(field));
                        if (column != null) {
                            columns.put(field, column);
                        }
                    }
                    return PeopleColumnMapping.of(preset, columns, HrDateFormat.valueOf(r.getDateFormat()));
                });
    }

    @SuppressWarnings("unchecked")
    private static org.jooq.Field<String> column(Field field) {
        return (org.jooq.Field<String>) PEOPLE_IMPORT_MAPPING.field(field.name().toLowerCase(Locale.ROOT));
    }
}

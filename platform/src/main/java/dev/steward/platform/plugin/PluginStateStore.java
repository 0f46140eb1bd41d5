package dev.steward.platform.plugin;

import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.platform.db.generated.Tables.PLUGIN_STATE;

/** The admin's enable/disable choices, persisted in {@code platform.plugin_state}. A plugin not listed is enabled. */
@Repository
public class PluginStateStore {

    private final DSLContext dsl;

    public PluginStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<String, Boolean> load() {
        return dsl.selectFrom(PLUGIN_STATE).fetch().stream()
                .collect(Collectors.toMap(r -> r.getPluginId(), r -> r.getEnabled()));
    }

    void save(String pluginId, boolean enabled, String actor) {
        var record = dsl.fetchOptional(PLUGIN_STATE, PLUGIN_STATE.PLUGIN_ID.eq(pluginId))
                .orElseGet(() -> {
                    var created = dsl.newRecord(PLUGIN_STATE);
                    created.setPluginId(pluginId);
                    return created;
                });
        record.setEnabled(enabled);
        record.setChangedBy(actor);
        record.setChangedAt(Instant.now());
        record.store();
    }
}

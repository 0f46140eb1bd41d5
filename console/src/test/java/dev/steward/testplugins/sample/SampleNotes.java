package dev.steward.testplugins.sample;

import dev.steward.platform.plugin.ExtensionRegistry;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/** A plugin service: lives in the plugin's child context, uses the host's DSLContext, checks its permission. */
@Service
public class SampleNotes {

    private final DSLContext dsl;
    private final ExtensionRegistry registry;

    public SampleNotes(DSLContext dsl, ExtensionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('sample.read')")
    public List<String> notes() {
        registry.requireEnabled("sample");
        return dsl.select(field("text", String.class)).from(table("sample.note")).fetch(0, String.class);
    }
}

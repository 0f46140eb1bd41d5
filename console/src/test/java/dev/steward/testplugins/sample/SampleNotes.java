package dev.steward.testplugins.sample;

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

    public SampleNotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize("hasAuthority('sample.read')")
    public List<String> notes() {
        return dsl.select(field("text", String.class)).from(table("sample.note")).fetch(0, String.class);
    }
}

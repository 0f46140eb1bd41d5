package com.example.hello;

import dev.steward.platform.plugin.ExtensionRegistry;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

@Service
public class Greetings {

    private final DSLContext dsl;
    private final ExtensionRegistry registry;

    public Greetings(DSLContext dsl, ExtensionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('" + HelloPlugin.READ + "')")
    public List<String> all() {
        registry.requireEnabled("hello");
        return dsl.select(field("message", String.class)).from(table("hello.greeting")).fetch(0, String.class);
    }
}

package com.example.hello;

import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

@Service
public class Greetings {

    private final DSLContext dsl;

    public Greetings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(HelloPlugin.MAY_READ)
    public List<String> all() {
        return dsl.select(field("message", String.class)).from(table("hello.greeting")).fetch(0, String.class);
    }
}

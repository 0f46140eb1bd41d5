package dev.steward.dsr.fulfilment;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names of catalogue data categories and purposes (the privacy catalogue's labels), for letters and packages. Read directly: the requester's letter names categories
 * whoever prepares it, with or without the catalogue permission.
 */
@Component
class CategoryNames {

    private final DSLContext dsl;

    CategoryNames(DSLContext dsl) {
        this.dsl = dsl;
    }

    String of(String code) {
        return dsl.fetchOptional("select name from platform.catalog_entry where kind = 'DATA_CATEGORY' and code = ?", code)
                .map(r -> r.get(0, String.class)).orElse(code);
    }

    Map<String, String> all() {
        return dsl.fetch("select code, name from platform.catalog_entry where kind = 'DATA_CATEGORY'")
                .stream().collect(Collectors.toMap(r -> r.get(0, String.class), r -> r.get(1, String.class)));
    }

    /** Labels of the catalogue's PURPOSE codes. */
    Map<String, String> purposes() {
        return dsl.fetch("select code, name from platform.catalog_entry where kind = 'PURPOSE'")
                .stream().collect(Collectors.toMap(r -> r.get(0, String.class), r -> r.get(1, String.class)));
    }

    Set<String> codes() {
        return all().keySet();
    }
}

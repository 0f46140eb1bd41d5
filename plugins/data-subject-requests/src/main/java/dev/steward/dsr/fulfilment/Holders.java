package dev.steward.dsr.fulfilment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** Every place holding personal data that the enabled sources know, one list. */
@Component
class Holders {

    private final ObjectProvider<HolderSource> sources;

    Holders(ObjectProvider<HolderSource> sources) {
        this.sources = sources;
    }

    List<Holder> holders() {
        return sources.orderedStream().flatMap(s -> s.holders().stream()).toList();
    }

    List<HolderSource.HeldRecord> recordsAbout(String email, String name) {
        return sources.orderedStream().flatMap(s -> s.recordsAbout(email, name).stream()).toList();
    }
}

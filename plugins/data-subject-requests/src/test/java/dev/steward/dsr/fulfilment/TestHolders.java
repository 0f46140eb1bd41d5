package dev.steward.dsr.fulfilment;

import dev.steward.platform.spi.PersonalDataHolders;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The personal-data map of the tests (the plugin's tests run without the modules that contribute holders): each test
 * sets the holders and records it needs; tests of one JVM run one after another.
 */
@Component
class TestHolders implements PersonalDataHolders {

    private static volatile List<DataHolder> holders = List.of();
    private static volatile Map<String, List<SubjectRecord>> records = Map.of();

    static void use(List<Holder> now, Map<String, List<SubjectRecord>> recordsByEmail) {
        holders = now.stream().map(h -> new DataHolder(h.type(), h.id(), h.name(), HolderKind.valueOf(h.kind().name()), h.categories(),
                h.ownerPersonId(), h.contactEmail(), h.viaId(), h.purposes())).toList();
        records = Map.copyOf(recordsByEmail);
    }

    static void clear() {
        use(List.of(), Map.of());
    }

    @Override
    public List<DataHolder> holders() {
        return holders;
    }

    @Override
    public List<SubjectRecord> recordsAbout(SubjectKeys keys) {
        return keys.email() == null ? List.of() : records.getOrDefault(keys.email(), List.of());
    }
}

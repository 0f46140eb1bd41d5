package dev.steward.dsr.fulfilment;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The personal-data map of the tests (the plugin's tests run without the modules that contribute holders): each test
 * sets the holders and records it needs; tests of one JVM run one after another.
 */
@Component
class TestHolders implements HolderSource {

    private static volatile List<Holder> holders = List.of();
    private static volatile Map<String, List<HeldRecord>> records = Map.of();

    static void use(List<Holder> now, Map<String, List<HeldRecord>> recordsByEmail) {
        holders = List.copyOf(now);
        records = Map.copyOf(recordsByEmail);
    }

    static void clear() {
        use(List.of(), Map.of());
    }

    @Override
    public List<Holder> holders() {
        return holders;
    }

    @Override
    public List<HeldRecord> recordsAbout(String email, String name) {
        return email == null ? List.of() : records.getOrDefault(email, List.of());
    }
}

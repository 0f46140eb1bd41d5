package dev.steward.platform.sample;

import dev.steward.platform.spi.SampleData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static dev.steward.platform.db.generated.Tables.SAMPLE_DATA;

/**
 * Whether this install holds sample data, and which modules loaded theirs (V79). Any marker row makes the whole install
 * a sample install, shown as such in the shell; its absence with people or more than one user means real data.
 */
@Service
public class SampleInstall {

    public static final String HOST = "host";

    private final DSLContext dsl;

    public SampleInstall(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public boolean isSampleInstall() {
        return dsl.fetchExists(SAMPLE_DATA);
    }

    @Transactional(readOnly = true)
    public boolean loaded(String moduleId) {
        return dsl.fetchExists(SAMPLE_DATA, SAMPLE_DATA.MODULE_ID.eq(moduleId));
    }

    /** The modules that loaded sample data, in the order they did. */
    @Transactional(readOnly = true)
    public List<String> loadedModules() {
        return dsl.select(SAMPLE_DATA.MODULE_ID).from(SAMPLE_DATA).orderBy(SAMPLE_DATA.LOADED_AT, SAMPLE_DATA.MODULE_ID)
                .fetch(SAMPLE_DATA.MODULE_ID);
    }

    /** Written in the transaction of the module's load: the marker and the records commit together or not at all. */
    @Transactional
    public void markLoaded(String moduleId, SampleData.Summary summary) {
        dsl.insertInto(SAMPLE_DATA).set(SAMPLE_DATA.MODULE_ID, moduleId).set(SAMPLE_DATA.RECORDS, summary.records())
                .set(SAMPLE_DATA.SUMMARY, summary.text()).execute();
    }

    /** What of the platform's own data is real: people, org units, or users beyond the first administrator. */
    @Transactional(readOnly = true)
    public List<String> platformData() {
        List<String> found = new java.util.ArrayList<>();
        int people = dsl.fetchCount(PERSON);
        int units = dsl.fetchCount(ORG_UNIT);
        int users = dsl.fetchCount(APP_USER);
        if (people > 0) {
            found.add(people == 1 ? "1 person" : people + " people");
        }
        if (units > 0) {
            found.add(units == 1 ? "1 org unit" : units + " org units");
        }
        if (users > 1) {
            found.add(users + " users");
        }
        return found;
    }
}

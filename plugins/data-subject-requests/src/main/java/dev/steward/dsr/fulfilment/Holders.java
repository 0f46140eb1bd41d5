package dev.steward.dsr.fulfilment;

import dev.steward.platform.inventory.PersonalDataMap;
import dev.steward.platform.spi.PersonalDataHolders.DataHolder;
import dev.steward.platform.spi.PersonalDataHolders.SubjectKeys;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import org.springframework.stereotype.Component;

import java.util.List;

/** The platform's personal-data map as fulfilment uses it: every holder the enabled modules know, and their records about a requester. */
@Component
class Holders {

    private final PersonalDataMap map;

    Holders(PersonalDataMap map) {
        this.map = map;
    }

    List<Holder> holders() {
        return map.holders().stream().map(Holders::toHolder).toList();
    }

    /** The records about the requester by email and name (none when neither is known, as after the purge). */
    List<SubjectRecord> recordsAbout(String email, String name) {
        if ((email == null || email.isBlank()) && (name == null || name.isBlank())) {
            return List.of();
        }
        return map.recordsAbout(new SubjectKeys(email, null, email == null ? name : null));
    }

    private static Holder toHolder(DataHolder h) {
        return new Holder(h.type(), h.id(), h.name(), HolderKind.valueOf(h.kind().name()), h.dataCategories(), h.ownerPersonId(),
                h.contactEmail(), h.viaId(), h.purposes());
    }
}

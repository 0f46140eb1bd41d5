package dev.steward.platform.inventory;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.PersonalDataHolders;
import dev.steward.platform.spi.PersonalDataHolders.DataHolder;
import dev.steward.platform.spi.PersonalDataHolders.SubjectKeys;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;

/**
 * Where the organisation holds personal data: the {@link PersonalDataHolders} of every enabled module together (a
 * disabled module contributes nothing), so that a rights request reaches its own systems, its processors and their
 * sub-processors. The caller (a module's service) has checked its own permission; this only asks for a signed-in
 * user, and the results name records the user may not be allowed to open (links check that on their own).
 */
@Service
public class PersonalDataMap {

    private final ExtensionRegistry registry;

    public PersonalDataMap(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** Every holder the enabled modules know, module by module. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DataHolder> holders() {
        return contributions().stream().flatMap(c -> c.holders().stream()).toList();
    }

    /**
     * The holders that may hold data of any of these catalogue {@code DATA_CATEGORY} codes: those naming one of them,
     * and those whose categories are not known. No categories: every holder.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DataHolder> holdersOf(Set<String> categories) {
        if (categories.isEmpty()) {
            return holders();
        }
        return holders().stream().filter(h -> h.mayHold(categories)).toList();
    }

    /** The records the enabled modules hold about one individual, module by module. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SubjectRecord> recordsAbout(SubjectKeys keys) {
        return contributions().stream().flatMap(c -> c.recordsAbout(keys).stream()).toList();
    }

    private List<PersonalDataHolders> contributions() {
        return registry.contributions(PersonalDataHolders.class);
    }
}

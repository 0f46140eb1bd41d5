package dev.steward.platform.spi;

import dev.steward.platform.validation.InvalidInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extension point: where the organisation holds personal data about individuals (its own systems, the processors
 * working for it), so that rights requests reach every place. The platform gathers the contributions of the enabled
 * modules ({@link dev.steward.platform.inventory.PersonalDataMap}).
 * <p>
 * Called by platform or plugin code after the caller checked its own permission: implementations do not check the
 * current user and see every record. Push the work into indexed SQL: {@link #holders()} lists a whole registry.
 */
public interface PersonalDataHolders {

    /** Every holder this module knows. */
    List<DataHolder> holders();

    /** This module's records about one individual (by default none: the module knows holders, not their contents). */
    default List<SubjectRecord> recordsAbout(SubjectKeys keys) {
        return List.of();
    }

    enum HolderKind {
        /** A system of the organisation itself. */
        OWN_SYSTEM,
        /** An outside organisation processing data for us (or jointly with us). */
        PROCESSOR,
        /** An outside organisation working for a processor ({@link DataHolder#viaId()}). */
        SUB_PROCESSOR
    }

    /**
     * One place holding personal data. A vendor may be listed more than once: as our processor and as a sub-processor
     * of another processor (one entry per processor it works for).
     *
     * @param type           the {@link EntityLinkProvider#type()} of the holder's record ({@code reviews.system},
     *                       {@code vendors.vendor}), so that it links to the record's page
     * @param id             the record's id within {@code type}
     * @param dataCategories catalogue {@code DATA_CATEGORY} codes; empty when not known: treat as possibly all
     * @param ownerPersonId  the person (people directory) answerable for it inside the organisation, or null
     * @param contactEmail   where an outside holder receives instructions (erasure, access), or null
     * @param viaId          for a {@link HolderKind#SUB_PROCESSOR}: the {@code id} of the holder it works for, else null
     * @param purposes       catalogue {@code PURPOSE} codes the holder processes the data for; empty when not known
     */
    record DataHolder(String type, String id, String name, HolderKind kind, Set<String> dataCategories,
                      Long ownerPersonId, String contactEmail, String viaId, Set<String> purposes) {

        public DataHolder {
            dataCategories = Set.copyOf(dataCategories);
            purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        }

        /** A holder whose purposes are not known. */
        public DataHolder(String type, String id, String name, HolderKind kind, Set<String> dataCategories,
                          Long ownerPersonId, String contactEmail, String viaId) {
            this(type, id, name, kind, dataCategories, ownerPersonId, contactEmail, viaId, Set.of());
        }

        /** Whether it may hold data of any of these categories (an unknown set of its own may hold anything). */
        public boolean mayHold(Set<String> categories) {
            return dataCategories.isEmpty() || categories.stream().anyMatch(dataCategories::contains);
        }
    }

    /** What identifies the individual; any may be null or blank, at least one is given. Matching is exact (ignoring case where the key allows). */
    record SubjectKeys(String email, String employeeId, String name) {

        public SubjectKeys {
            email = blankToNull(email);
            employeeId = blankToNull(employeeId);
            name = blankToNull(name);
            if (email == null && employeeId == null && name == null) {
                throw new InvalidInputException("subject", "Give an email, an employee id or a name");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * One record about the individual in a holder.
     *
     * @param recordName what the record is called there (an account name)
     * @param dataPoints what the record holds about them, in a stable order: a label ("Email", "Last login") to the
     *                   value as stored; a time is an ISO-8601 instant ({@code Instant.toString()}) for the caller to
     *                   show in the user's zone
     */
    record SubjectRecord(String holderType, String holderId, String holderName, String recordName, Map<String, String> dataPoints) {

        /** Labels of data points every module names alike, so that a caller can read them (others are free text). */
        public static final String EMAIL = "Email";
        public static final String EMPLOYEE_ID = "Employee ID";
        public static final String NAME = "Display name";

        public SubjectRecord {
            dataPoints = Collections.unmodifiableMap(new LinkedHashMap<>(dataPoints));
        }
    }
}

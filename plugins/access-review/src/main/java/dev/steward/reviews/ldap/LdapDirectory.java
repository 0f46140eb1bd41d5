package dev.steward.reviews.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** A system's directory, ready to be read by an import (it holds the stored password: do not keep it around). */
public final class LdapDirectory {

    private final LdapSettings settings;

    LdapDirectory(LdapSettings settings) {
        this.settings = settings;
    }

    /** The directory and where its groups are: what the import run records as its source. */
    public String description() {
        return settings.description();
    }

    /**
     * Streams every membership (account x group, nested groups expanded) to {@code rows} in a stable order; returns
     * the problems found, including a directory that cannot be reached (then nothing was sent).
     *
     * @param progress memberships read so far
     * @throws CancellationException when {@code cancelled} says so
     */
    public List<LdapProblem> read(Consumer<Membership> rows, long maxRows, LongConsumer progress, BooleanSupplier cancelled) {
        LDAPConnection connection;
        try {
            connection = LdapConnector.connect(settings);
        } catch (LDAPException e) {
            return List.of(new LdapProblem(null, LdapConnector.describe(e, settings)));
        }
        try (connection) {
            return new LdapReader(connection, settings, progress, cancelled).read(rows, maxRows);
        } catch (LDAPException e) {
            return List.of(new LdapProblem(null, LdapConnector.describeSearch(e, settings)));
        }
    }
}

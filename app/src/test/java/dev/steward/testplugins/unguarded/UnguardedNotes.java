package dev.steward.testplugins.unguarded;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A plugin service that forgot a permission check, for the architecture test to catch (never loaded as a plugin). */
@Service
public class UnguardedNotes {

    @PreAuthorize("hasAuthority('unguarded.read')")
    public String read() {
        return "fine";
    }

    public void purge() {
        // no @PreAuthorize: the rule must report this method
    }
}

package dev.steward.platform.spi;

import java.util.List;

/** Extension point: the permissions a plugin defines and their default grants to roles. */
public interface PermissionSet {

    List<Permission> permissions();
}

package dev.steward.platform.security;

import dev.steward.platform.Sha256;
import dev.steward.platform.db.generated.tables.records.ApiTokenRecord;
import dev.steward.platform.spi.Permission;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.steward.platform.db.generated.Tables.API_TOKEN;

/**
 * Bearer tokens for machine clients. An admin creates one for a plugin with some of that plugin's permissions; the
 * console's API security turns a valid token into a principal holding exactly those permissions.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "stw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final PermissionCatalog permissions;

    public ApiTokenService(DSLContext dsl, PermissionCatalog permissions) {
        this.dsl = dsl;
        this.permissions = permissions;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.API_TOKENS_MANAGE + "')")
    @Transactional
    public ApiToken.Issued create(String name, String pluginId, Set<String> granted, Instant expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (!trimmed.matches("[A-Za-z0-9][A-Za-z0-9_.-]{1,99}")) {
            throw new IllegalArgumentException("The name must be 2 to 100 letters, digits, dots, dashes or underscores");
        }
        if (dsl.fetchExists(API_TOKEN, API_TOKEN.NAME.eq(trimmed))) {
            throw new IllegalArgumentException("A token named " + trimmed + " exists already");
        }
        List<Permission> ofPlugin = permissions.permissionsByPlugin().get(pluginId);
        if (ofPlugin == null) {
            throw new IllegalArgumentException("No started plugin " + pluginId + " defines permissions");
        }
        if (granted == null || granted.isEmpty()) {
            throw new IllegalArgumentException("Grant the token at least one permission");
        }
        Set<String> allowed = ofPlugin.stream().map(Permission::key).collect(java.util.stream.Collectors.toSet());
        List<String> foreign = granted.stream().filter(p -> !allowed.contains(p)).sorted().toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("Not permissions of " + pluginId + ": " + String.join(", ", foreign));
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("The expiry must be in the future");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiTokenRecord r = dsl.newRecord(API_TOKEN);
        r.setName(trimmed);
        r.setPluginId(pluginId);
        r.setPermissions(granted.stream().sorted().toArray(String[]::new));
        r.setTokenHash(Sha256.hex(secret));
        r.setTokenPrefix(secret.substring(0, 10));
        r.setCreatedBy(CurrentUser.username().orElse("system"));
        r.setCreatedAt(Instant.now());
        r.setExpiresAt(expiresAt == null ? null : expiresAt);
        r.store();
        return new ApiToken.Issued(toToken(r), secret);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.API_TOKENS_MANAGE + "')")
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return dsl.selectFrom(API_TOKEN).orderBy(API_TOKEN.NAME).fetch(ApiTokenService::toToken);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.API_TOKENS_MANAGE + "')")
    @Transactional
    public void revoke(long id) {
        ApiTokenRecord r = dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("Token " + id + " does not exist"));
        if (r.getRevokedAt() == null) {
            r.setRevokedAt(Instant.now());
            r.setRevokedBy(CurrentUser.username().orElse("system"));
            r.store();
        }
    }

    /** The active token with this secret, if any; records its use. Called by the API security filter (no user yet). */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiTokenRecord> found = dsl.selectFrom(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(Sha256.hex(secret))).fetchOptional();
        Instant now = Instant.now();
        return found.map(ApiTokenService::toToken).filter(t -> t.active(now)).map(t -> {
            // last use is bookkeeping, not a business change: a plain update keeps it out of the audit log
            dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, Instant.now()).where(API_TOKEN.ID.eq(t.id())).execute();
            return t;
        });
    }

    /** The name of the revoked or expired token with this secret, for the audit of its refusal; empty for no token. */
    @Transactional(readOnly = true)
    public Optional<String> nameOfInactive(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return dsl.select(API_TOKEN.NAME).from(API_TOKEN).where(API_TOKEN.TOKEN_HASH.eq(Sha256.hex(secret))).fetchOptional(API_TOKEN.NAME);
    }

    private static ApiToken toToken(ApiTokenRecord r) {
        return new ApiToken(r.getId(), r.getName(), r.getPluginId(), Arrays.asList(r.getPermissions()), r.getTokenPrefix(),
                r.getCreatedBy(), r.getCreatedAt(), r.getExpiresAt(),
                r.getLastUsedAt(),
                r.getRevokedAt(), r.getRevokedBy());
    }
}

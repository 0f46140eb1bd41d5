package dev.steward.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a sign-in comes from, as the throttle keys it: an IPv4 address, or the /64 network of an IPv6 address (one
 * host usually holds a whole /64, so keying single IPv6 addresses would let it rotate past every limit).
 */
final class SignInSource {

    static final String UNKNOWN = "unknown";

    private SignInSource() {
    }

    /** The remote address Spring Security recorded for this attempt (form login and HTTP Basic both record it). */
    static String of(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? normalise(details.getRemoteAddress()) : UNKNOWN;
    }

    static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        String trimmed = address.strip();
        if (trimmed.indexOf(':') < 0) {
            return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
        }
        try {
            // a literal (no name lookup happens for an address with ':')
            byte[] bytes = InetAddress.getByName(trimmed.replaceAll("^\\[|]$", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }
}

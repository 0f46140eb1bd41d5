package dev.steward.platform.security.mfa;

/** A second factor accepted at sign-in: a TOTP code, or one of the recovery codes (then how many are left). */
public record MfaVerification(boolean recoveryCode, int recoveryCodesLeft) {
}

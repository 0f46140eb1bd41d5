package dev.steward.platform.security.mfa;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B's test vectors, the ±1 step window, and replays refused. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @Test
    void the_codes_are_those_of_rfc_6238_appendix_b() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = Totp.stepAt(Instant.ofEpochSecond(times[i]));
            assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).as("SHA-1 at %d", times[i]).isEqualTo(sha1[i]);
            assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).as("SHA-256 at %d", times[i]).isEqualTo(sha256[i]);
            assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).as("SHA-512 at %d", times[i]).isEqualTo(sha512[i]);
        }
    }

    @Test
    void the_six_digit_code_is_the_last_six_digits_of_the_rfc_value() {
        assertThat(Totp.code(SHA1_SEED, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SHA1_SEED, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void a_code_of_the_step_before_or_after_is_accepted_and_two_steps_away_is_not() {
        long now = Totp.stepAt(Instant.ofEpochSecond(1_800_000_000L));
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now), now, 0)).hasValue(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 1), now, 0)).hasValue(now - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now + 1), now, 0)).hasValue(now + 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now + 2), now, 0)).isEmpty();
    }

    @Test
    void a_code_of_the_last_used_step_or_an_earlier_one_is_refused() {
        long now = Totp.stepAt(Instant.ofEpochSecond(1_800_000_000L));
        String code = Totp.code(SHA1_SEED, now);
        assertThat(Totp.matchingStep(SHA1_SEED, code, now, now)).as("replayed").isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 1), now, now)).as("older than the last used").isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now + 1), now, now)).hasValue(now + 1);
    }

    @Test
    void anything_but_six_digits_is_refused() {
        long now = Totp.stepAt(Instant.ofEpochSecond(1_800_000_000L));
        for (String bad : new String[]{null, "", "12345", "1234567", "abcdef", "12 345", "0x1234"}) {
            assertThat(Totp.matchingStep(SHA1_SEED, bad, now, 0)).as("'%s'", bad).isEmpty();
        }
    }

    @Test
    void base32_round_trips_and_matches_rfc_4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(SHA1_SEED))).isEqualTo(SHA1_SEED);
    }

    @Test
    void the_uri_is_what_authenticator_apps_read() {
        assertThat(MfaService.uri("jane.doe@corp", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Steward:jane.doe%40corp?secret=JBSWY3DPEHPK3PXP&issuer=Steward");
        assertThat(new MfaEnrolment("x", "JBSWY3DPEHPK3PXP", "").groupedSecret()).isEqualTo("JBSW Y3DP EHPK 3PXP");
    }

    @Test
    void recovery_codes_are_ten_distinct_and_typed_back_loosely() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[0-9a-z]{5}-[0-9a-z]{5}"));
        assertThat(RecoveryCodes.normalise(" AB1CD-EFGHJ ")).isEqualTo("ab1cdefghj");
        assertThat(RecoveryCodes.normalise("abIcd-efghO")).isEqualTo("ab1cdefgh0");
        assertThat(RecoveryCodes.normalise("123456")).isNull();
        assertThat(RecoveryCodes.normalise("abcde-fghj!")).isNull();
    }
}

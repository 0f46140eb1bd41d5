package dev.steward.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets that the console must use again (a directory's bind password) before they are stored, with AES-GCM
 * under a key kept outside the database: {@code steward.secrets.key} (32 bytes, base64) or else a key file in the
 * Steward home, made on first use and readable by its owner only. A database dump alone then reveals no secret.
 * Values stored before sealing existed are read as they are and sealed when next saved.
 */
@Service
public class SecretBox {

    static final String PREFIX = "sealed:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final Path keyFile;
    private volatile SecretKeySpec key;

    public SecretBox(@Value("${steward.secrets.key:}") String configuredKey,
                     @Value("${steward.secrets.key-file:${steward.home:${user.home}/.steward}/secrets.key}") Path keyFile) {
        this.configuredKey = configuredKey;
        this.keyFile = keyFile;
    }

    /** The secret sealed for storing; null stays null. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret: " + e.getMessage(), e);
        }
    }

    /** Whether a stored value is sealed (null counts as sealed: there is nothing to seal). */
    public boolean isSealed(String stored) {
        return stored == null || stored.startsWith(PREFIX);
    }

    /** The secret of a stored value: sealed, or stored before sealing existed (read as it is); null stays null. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be opened with this console's key (was " + describeKey()
                    + " replaced?); enter the secret again", e);
        }
    }

    /**
     * A key for another purpose (e.g. signing audit checkpoints), derived from this console's key with HMAC-SHA256
     * over a fixed label (HKDF-Expand, one block), so the sealing key itself is never used for anything else.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key().getEncoded(), "HmacSHA256"));
            hmac.update(("steward " + purpose).getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 1);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private String describeKey() {
        return configuredKey.isBlank() ? keyFile.toString() : "steward.secrets.key";
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(configuredKey.isBlank() ? keyFromFile() : decodeConfigured(), "AES");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] decodeConfigured() {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configuredKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("steward.secrets.key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("steward.secrets.key must be 32 bytes (base64 of 44 characters), not " + bytes.length);
        }
        return bytes;
    }

    /**
     * Writes a fresh key to a private temporary file and links it into place: the link fails if another console
     * sharing this home made the key first (then theirs is used), and nobody ever reads a half-written key.
     */
    private void makeKeyFile() throws IOException {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        Path directory = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = posix ? Files.createTempFile(directory, "secrets", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))) : Files.createTempFile(directory, "secrets", ".tmp");
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.createLink(keyFile, temporary);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, keyFile); // fails too if the key file exists meanwhile
            }
        } catch (FileAlreadyExistsException madeByAnotherConsole) {
            // use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private byte[] keyFromFile() {
        try {
            if (!Files.exists(keyFile)) {
                makeKeyFile();
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("The key file " + keyFile + " does not hold a 32-byte key");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the key file " + keyFile, e);
        }
    }
}

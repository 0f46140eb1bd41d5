package dev.steward.reviews.imports;

/**
 * The first line of each (account, entitlement) pair of a file, by a 64-bit hash of the pair: an open-addressing
 * table of two primitive arrays, 32 bytes a row where a {@code HashMap<String, Long>} takes ten times that. A hash seen
 * twice names a duplicate candidate; the database confirms it (two pairs may share a hash, rarely enough to check).
 */
final class KeyLines {

    private long[] hashes = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    /** Remembers the pair's line; returns the line it was first seen on, or 0 when it is new. */
    long putIfAbsent(String account, String entitlement, long line) {
        long hash = hash(account, entitlement);
        int mask = hashes.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            if (hashes[i] == 0) {
                hashes[i] = hash;
                lines[i] = line;
                if (++size * 2 > hashes.length) {
                    grow();
                }
                return 0;
            }
            if (hashes[i] == hash) {
                return lines[i];
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new long[oldLines.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            if (oldHashes[j] != 0) {
                int i = (int) oldHashes[j] & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                lines[i] = oldLines[j];
            }
        }
    }

    /** FNV-1a over both strings' characters (a separator between them), finished by the MurmurHash3 mixer; never 0. */
    static long hash(String account, String entitlement) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, account);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = fnv(h, entitlement);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}

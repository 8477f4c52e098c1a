package org.pledgepad.pledges.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/**
 * Makes pledge ids: a readable slug of the title at creation time plus a short suffix that does not
 * depend on the text. The id is stored with the pledge and never recomputed, so editing the title
 * keeps links, statuses and exports pointing at the same pledge; the suffix keeps two pledges with
 * the same title apart.
 */
public final class PledgeIds {
    /** Lower-case letters and digits without the look-alikes 0/o and 1/l, so ids can be read aloud. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    static final int SUFFIX_LENGTH = 6;
    static final int MAX_SLUG_LENGTH = 48;
    private static final Random RANDOM = new SecureRandom();

    private PledgeIds() {}

    /** A new id with a random suffix, for pledges created by users. */
    public static String newId(String title) {
        return newId(title, RANDOM);
    }

    public static String newId(String title, Random random) {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return slug(title) + "-" + suffix;
    }

    /**
     * A reproducible id for imported pledges: the suffix comes from the document id and the pledge's
     * position in the import, not from its text, so re-importing the same source gives the same ids
     * while later edits of the text do not change them.
     */
    public static String importedId(String title, String documentId, int ordinal) {
        byte[] digest = sha256(documentId + "#" + ordinal);
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return slug(title) + "-" + suffix;
    }

    /** ASCII slug: German umlauts spelt out (ä → ae, ß → ss), other accents dropped, runs of other characters → "-". */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG_LENGTH) {
            s = s.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "punkt" : s;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

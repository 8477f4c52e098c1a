package org.pledgepad.pledges.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One rendered export, ready to serve: the bytes, their media type and a strong ETag. Renderers
 * are deterministic (fixed order, "\n" or CRLF fixed, no generation time inside), so the same
 * content always gives the same bytes and therefore the same ETag.
 *
 * @param fileName  suggested download name
 * @param mediaType e.g. "text/csv; charset=utf-8"
 * @param content   UTF-8 bytes
 * @param etag      quoted content hash, usable as an HTTP ETag header value
 */
public record ExportFile(String fileName, String mediaType, byte[] content, String etag) {
    public ExportFile {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(mediaType);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public static ExportFile of(String fileName, String mediaType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ExportFile(fileName, mediaType, bytes, etag(bytes));
    }

    /** Strong ETag: the first 128 bits of the SHA-256 of the bytes, hex, in quotes. */
    public static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

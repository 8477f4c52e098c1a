package org.pledgepad.server.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link ServerConfig} once at start from environment variables and an optional JSON
 * file (CONFIG_FILE) holding the same keys; environment variables win. Every value is checked
 * here, so the rest of the server never sees an invalid setting; unknown keys in the file are
 * errors because a misspelt limit silently falling back to its default is worse than a refusal.
 */
public final class ConfigLoader {
  public static final String CONFIG_FILE = "CONFIG_FILE";

  static final Set<String> KEYS = Set.of(
      "PORT", "HOST", "DATA_DIR", "DATABASE_URL", "SEED_DEMO",
      "MAX_FRAME_BYTES", "MAX_MESSAGE_BYTES", "MESSAGES_PER_SECOND", "MESSAGE_BURST",
      "MAX_DOCUMENT_BYTES", "IDLE_TIMEOUT_SECONDS", "PING_INTERVAL_SECONDS", "SEND_QUEUE_BYTES",
      "MAX_DOCUMENTS_PER_CONNECTION", "MAX_QUEUED_BEFORE_AUTH", "MAX_BYTES_QUEUED_BEFORE_AUTH", "AUTH_TIMEOUT_SECONDS",
      "SNAPSHOT_EVERY", "SNAPSHOT_MAX_TAIL", "UNLOAD_DELAY_MS", "GROUP_COMMIT_MAX_UPDATES", "GROUP_COMMIT_INTERVAL_MS",
      "ALLOWED_ORIGINS",
      "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI", "TRUSTED_PROXIES",
      "SHUTDOWN_GRACE_SECONDS", "TOKEN_PREVIOUS_KEYS");

  private final Map<String, String> values;

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** Reads the process environment (and the file it names). */
  public static ServerConfig fromEnvironment() {
    return load(System.getenv());
  }

  /** Loads from the given variables; the CONFIG_FILE variable, if set, names a JSON file. */
  public static ServerConfig load(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(file));
    }
    for (String key : KEYS) {
      String v = env.get(key);
      if (v != null) {
        merged.put(key, v);
      }
    }
    return new ConfigLoader(merged).build();
  }

  private static Map<String, String> readFile(String file) {
    JsonObject json;
    try {
      json = new JsonObject(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException | InvalidPathException e) {
      throw new ConfigException(CONFIG_FILE, "cannot read " + file);
    } catch (DecodeException e) {
      throw new ConfigException(CONFIG_FILE, file + " is not a JSON object");
    }
    Map<String, String> out = new HashMap<>();
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new ConfigException(key, "unknown key in " + file);
      }
      Object v = json.getValue(key);
      if (v instanceof JsonObject || v instanceof io.vertx.core.json.JsonArray) {
        throw new ConfigException(key, "must be a string, number or boolean");
      }
      if (v == null) {
        // taking null for "default" would hide a half-edited file; absence already means that
        throw new ConfigException(key, "null is not a value in " + file + "; remove the key for the default");
      }
      out.put(key, String.valueOf(v));
    }
    return out;
  }

  private ServerConfig build() {
    int port = intValue("PORT", ServerConfig.DEFAULT_PORT, 0, 65535);
    String host = host("HOST");
    Path dataDir;
    try {
      dataDir = Path.of(string("DATA_DIR", ServerConfig.DEFAULT_DATA_DIR));
    } catch (InvalidPathException e) {
      throw new ConfigException("DATA_DIR", "not a valid path");
    }
    String dbRaw = values.get("DATABASE_URL");
    Optional<DatabaseUrl> db = dbRaw == null || dbRaw.isBlank()
        ? Optional.empty() : Optional.of(DatabaseUrl.parse("DATABASE_URL", dbRaw.trim()));
    int maxFrame = intValue("MAX_FRAME_BYTES", Limits.DEFAULT_MAX_FRAME_BYTES, 1024, 16 * 1024 * 1024);
    int maxMessage = intValue("MAX_MESSAGE_BYTES", Limits.DEFAULT_MAX_MESSAGE_BYTES, 1024, 256 * 1024 * 1024);
    if (maxMessage < maxFrame) {
      throw new ConfigException("MAX_MESSAGE_BYTES", "must be at least MAX_FRAME_BYTES");
    }
    int maxQueuedBytes = intValue("MAX_BYTES_QUEUED_BEFORE_AUTH",
        Math.max(Limits.DEFAULT_MAX_BYTES_QUEUED_BEFORE_AUTH, maxMessage), 1024, 1 << 30);
    if (maxQueuedBytes < maxMessage) { // one maximal message must always be able to wait
      throw new ConfigException("MAX_BYTES_QUEUED_BEFORE_AUTH", "must be at least MAX_MESSAGE_BYTES");
    }
    Limits limits = new Limits(
        maxFrame,
        maxMessage,
        intValue("MESSAGES_PER_SECOND", Limits.DEFAULT_MESSAGES_PER_SECOND, 1, 1_000_000),
        intValue("MESSAGE_BURST", Limits.DEFAULT_MESSAGE_BURST, 1, 10_000_000),
        longValue("MAX_DOCUMENT_BYTES", Limits.DEFAULT_MAX_DOCUMENT_BYTES, 1024, 1L << 40),
        Duration.ofSeconds(intValue("IDLE_TIMEOUT_SECONDS", (int) Limits.DEFAULT_IDLE_TIMEOUT.toSeconds(), 5, 86_400)),
        Duration.ofSeconds(intValue("PING_INTERVAL_SECONDS", (int) Limits.DEFAULT_PING_INTERVAL.toSeconds(), 1, 86_400)),
        intValue("SEND_QUEUE_BYTES", Limits.DEFAULT_SEND_QUEUE_BYTES, 64 * 1024, 1 << 30),
        intValue("MAX_DOCUMENTS_PER_CONNECTION", Limits.DEFAULT_MAX_DOCUMENTS_PER_CONNECTION, 1, 10_000),
        intValue("MAX_QUEUED_BEFORE_AUTH", Limits.DEFAULT_MAX_QUEUED_BEFORE_AUTH, 1, 100_000),
        maxQueuedBytes,
        Duration.ofSeconds(intValue("AUTH_TIMEOUT_SECONDS", (int) Limits.DEFAULT_AUTH_TIMEOUT.toSeconds(), 1, 3600)));
    if (limits.pingInterval().compareTo(limits.idleTimeout()) >= 0) {
      throw new ConfigException("PING_INTERVAL_SECONDS", "must be shorter than IDLE_TIMEOUT_SECONDS");
    }
    return new ServerConfig(
        port, host, dataDir, db, limits,
        bool("SEED_DEMO", ServerConfig.DEFAULT_SEED_DEMO),
        intValue("SNAPSHOT_EVERY", ServerConfig.DEFAULT_SNAPSHOT_EVERY, 1, 1_000_000),
        intValue("SNAPSHOT_MAX_TAIL", ServerConfig.DEFAULT_SNAPSHOT_MAX_TAIL, 1, 1_000_000),
        Duration.ofMillis(intValue("UNLOAD_DELAY_MS", (int) ServerConfig.DEFAULT_UNLOAD_DELAY.toMillis(), 0, 86_400_000)),
        intValue("GROUP_COMMIT_MAX_UPDATES", ServerConfig.DEFAULT_GROUP_COMMIT_MAX_UPDATES, 1, 100_000),
        Duration.ofMillis(intValue("GROUP_COMMIT_INTERVAL_MS",
            (int) ServerConfig.DEFAULT_GROUP_COMMIT_INTERVAL.toMillis(), 0, 1000)),
        origins("ALLOWED_ORIGINS"),
        new IdentityConfig(oidc(), proxies("TRUSTED_PROXIES"), previousTokenKeys("TOKEN_PREVIOUS_KEYS")),
        Duration.ofSeconds(intValue("SHUTDOWN_GRACE_SECONDS",
            (int) ServerConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds(), 1, 3600)));
  }

  /** All of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI, or none (OIDC sign-in off). */
  private Optional<OidcConfig> oidc() {
    String issuer = values.get("OIDC_ISSUER");
    String client = values.get("OIDC_CLIENT_ID");
    String redirect = values.get("OIDC_REDIRECT_URI");
    String secret = values.get("OIDC_CLIENT_SECRET");
    boolean any = issuer != null || client != null || redirect != null;
    if (!any) {
      if (secret != null) {
        throw new ConfigException("OIDC_CLIENT_SECRET", "set only together with OIDC_ISSUER");
      }
      return Optional.empty();
    }
    for (String key : new String[] {"OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_REDIRECT_URI"}) {
      String v = values.get(key);
      if (v == null || v.isBlank()) {
        throw new ConfigException(key, "required when any OIDC_ setting is given");
      }
    }
    String id = client.trim();
    if (id.length() > 255 || !id.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw new ConfigException("OIDC_CLIENT_ID", "must be printable ASCII without spaces");
    }
    Optional<String> clientSecret = secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret.trim());
    return Optional.of(new OidcConfig(url("OIDC_ISSUER", issuer), id, clientSecret, url("OIDC_REDIRECT_URI", redirect)));
  }

  /** An absolute https URL without fragment (http only for loopback hosts, for development). */
  private static java.net.URI url(String key, String raw) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(raw.trim());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(key, "not a URL");
    }
    boolean https = "https".equals(uri.getScheme());
    boolean devHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && OidcConfig.loopback(uri);
    if (uri.getHost() == null || uri.getRawFragment() != null || uri.getRawQuery() != null || !(https || devHttp)) {
      throw new ConfigException(key, "must be an https URL without query (http only for localhost)");
    }
    return uri;
  }

  /**
   * Comma-separated paths of earlier signing-key files or of public-key files
   * ({@code token public-key}), read now so that a wrong path or a key others can read stops the
   * start with a message naming the setting rather than surfacing as refused tokens.
   */
  private java.util.List<org.pledgepad.auth.token.VerificationKey> previousTokenKeys(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return java.util.List.of();
    }
    java.util.Map<String, org.pledgepad.auth.token.VerificationKey> byKid = new java.util.LinkedHashMap<>();
    for (String part : v.split(",", -1)) {
      if (part.isBlank()) {
        throw new ConfigException(key, "an empty entry in the comma-separated list of key files");
      }
      org.pledgepad.auth.token.VerificationKey k;
      try {
        k = org.pledgepad.auth.token.VerificationKeyFile.load(Path.of(part.trim()));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new ConfigException(key, "no file " + part.trim());
      } catch (java.nio.file.FileSystemException | InvalidPathException e) {
        throw new ConfigException(key, "cannot read " + part.trim());
      } catch (IOException e) {
        throw new ConfigException(key, e.getMessage()); // names the file, never its content
      }
      org.pledgepad.auth.token.VerificationKey same = byKid.putIfAbsent(k.kid(), k);
      if (same != null && !same.key().equals(k.key())) {
        throw new ConfigException(key, "two different keys with key id " + k.kid());
      }
    }
    return java.util.List.copyOf(byKid.values());
  }

  /** Comma-separated IP addresses or CIDR blocks of reverse proxies in front of the server. */
  private java.util.List<Cidr> proxies(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return java.util.List.of();
    }
    java.util.List<Cidr> out = new java.util.ArrayList<>();
    for (String part : v.split(",", -1)) {
      try {
        out.add(Cidr.parse(part));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key, "each entry must be an IP address or CIDR block (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  /**
   * An IP literal (IPv6 without brackets) or a host name of RFC 1123 labels. Checked here, without
   * a DNS lookup, because a bad value would otherwise fail only at listen, in words that do not
   * name HOST.
   */
  private String host(String key) {
    String h = string(key, ServerConfig.DEFAULT_HOST);
    if (!validHost(h)) {
      throw new ConfigException(key, "must be an IPv4 or IPv6 address or a host name (letters, digits, hyphens, dots)");
    }
    return h;
  }

  static boolean validHost(String h) {
    if (h.indexOf(':') >= 0) {
      return h.charAt(0) != '[' && Cidr.literal(h) != null;
    }
    if (h.matches("[0-9.]+")) {
      return Cidr.literal(h) != null; // digits and dots only: an IPv4 address or a typo, never a name
    }
    if (h.length() > 253) {
      return false;
    }
    for (String label : h.split("\\.", -1)) {
      if (!label.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
        return false;
      }
    }
    return true;
  }

  /** Comma-separated origins such as https://pledgepad.example; each must be scheme://host[:port]. */
  private Set<String> origins(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return Set.of();
    }
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String part : v.split(",")) {
      String o = part.trim().toLowerCase(Locale.ROOT);
      if (!o.matches("https?://[a-z0-9.-]+(:[0-9]{1,5})?")) {
        throw new ConfigException(key, "each entry must look like https://host[:port]");
      }
      out.add(o);
    }
    return Set.copyOf(out);
  }

  private String string(String key, String def) {
    String v = values.get(key);
    if (v == null) {
      return def;
    }
    if (v.isBlank()) {
      throw new ConfigException(key, "must not be empty");
    }
    return v.trim();
  }

  private int intValue(String key, int def, int min, int max) {
    return (int) longValue(key, def, min, max);
  }

  private long longValue(String key, long def, long min, long max) {
    String v = values.get(key);
    if (v == null) {
      return def;
    }
    long parsed;
    try {
      parsed = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be an integer between " + min + " and " + max);
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max);
    }
    return parsed;
  }

  private boolean bool(String key, boolean def) {
    String v = values.get(key);
    if (v == null) {
      return def;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(key, "must be true or false");
    };
  }
}

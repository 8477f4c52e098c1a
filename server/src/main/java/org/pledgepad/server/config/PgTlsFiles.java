package org.pledgepad.server.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS files named by DATABASE_URL's {@code sslrootcert}, {@code sslcert} and {@code sslkey}
 * (libpq's names), read and checked at start so that a wrong path, a key that does not belong to
 * its certificate or a key others can read stops the server with a message, not the first
 * connection with a handshake error.
 *
 * <p>One parsed set feeds both clients: the Vert.x PostgreSQL client (store, cluster fan-out) and
 * pgjdbc (migrations, accounts, history) through {@link PgJdbcSslFactory}, so that the same PEM
 * files work for both — pgjdbc's own factory wants keys in DER or PKCS#12.
 *
 * <p>Messages name the setting and the path, never file contents.
 */
public final class PgTlsFiles {
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  /** libpq refuses a key file others can read; so do we (group read stays allowed, as for a key owned by root). */
  private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);

  private final List<X509Certificate> roots;
  private final List<X509Certificate> chain;
  private final PrivateKey key;

  private PgTlsFiles(List<X509Certificate> roots, List<X509Certificate> chain, PrivateKey key) {
    this.roots = roots;
    this.chain = chain;
    this.key = key;
  }

  /**
   * Reads the files; any of them may be null, but a certificate and its key come together.
   *
   * @throws ConfigException naming {@code setting} when a file is missing, unreadable or unusable
   */
  public static PgTlsFiles load(String setting, String rootCert, String cert, String key) {
    if ((cert == null) != (key == null)) {
      throw new ConfigException(setting, "sslcert and sslkey must be given together");
    }
    List<X509Certificate> roots = rootCert == null ? List.of() : certificates(setting, "sslrootcert", rootCert);
    List<X509Certificate> chain = cert == null ? List.of() : certificates(setting, "sslcert", cert);
    PrivateKey privateKey = key == null ? null : privateKey(setting, key, chain.get(0));
    return new PgTlsFiles(roots, chain, privateKey);
  }

  public boolean hasRoots() {
    return !roots.isEmpty();
  }

  public boolean hasClientCertificate() {
    return key != null;
  }

  /** Trusts exactly the certificates of {@code sslrootcert}; null without one. */
  public TrustManagerFactory trustManagerFactory() {
    if (roots.isEmpty()) {
      return null;
    }
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < roots.size(); i++) {
        store.setCertificateEntry("root-" + i, roots.get(i));
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      return f;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store from sslrootcert", e);
    }
  }

  /** Presents the client certificate of {@code sslcert}/{@code sslkey}; null without one. */
  public KeyManagerFactory keyManagerFactory() {
    if (key == null) {
      return null;
    }
    try {
      KeyStore store = emptyStore();
      char[] none = new char[0];
      store.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
      KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      f.init(store, none);
      return f;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a key store from sslcert/sslkey", e);
    }
  }

  /**
   * A context that checks the server's chain against {@code sslrootcert} (or, without it, trusts
   * any certificate when {@code verify} is false, as libpq does below verify-ca) and presents the
   * client certificate if there is one. The host name is pgjdbc's to check (verify-full).
   */
  SSLContext sslContext(boolean verify) {
    try {
      TrustManager[] trust;
      TrustManagerFactory roots = trustManagerFactory();
      if (roots != null) {
        trust = roots.getTrustManagers();
      } else if (verify) {
        TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jvm.init((KeyStore) null);
        trust = jvm.getTrustManagers();
      } else {
        trust = new TrustManager[] {new TrustAnyServer()};
      }
      KeyManagerFactory keys = keyManagerFactory();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context for PostgreSQL", e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }

  private static List<X509Certificate> certificates(String setting, String param, String path) {
    byte[] bytes = read(setting, param, path);
    Collection<? extends Certificate> read;
    try {
      read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      throw new ConfigException(setting, param + " " + path + " is not a PEM certificate file");
    }
    List<X509Certificate> out = new ArrayList<>();
    for (Certificate c : read) {
      out.add((X509Certificate) c);
    }
    if (out.isEmpty()) {
      throw new ConfigException(setting, param + " " + path + " holds no certificate");
    }
    return List.copyOf(out);
  }

  private static PrivateKey privateKey(String setting, String path, X509Certificate certificate) {
    checkPermissions(setting, path);
    String text = new String(read(setting, "sslkey", path), StandardCharsets.US_ASCII);
    Matcher m = PEM_KEY.matcher(text);
    if (!m.find()) {
      throw new ConfigException(setting, "sslkey " + path + " is not a PEM key file");
    }
    if (!m.group(1).equals("PRIVATE KEY")) {
      throw new ConfigException(setting, "sslkey " + path + " must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY),"
          + " not " + m.group(1) + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    String algorithm = certificate.getPublicKey().getAlgorithm();
    PrivateKey key;
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new ConfigException(setting, "sslkey " + path + " is not a PKCS#8 key of sslcert's algorithm (" + algorithm + ")");
    }
    if (!belongTogether(key, certificate)) {
      throw new ConfigException(setting, "sslkey " + path + " does not belong to the certificate of sslcert");
    }
    return key;
  }

  /** Signs and verifies a probe: a mismatched pair would otherwise fail only in the handshake. */
  private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
    String signatureAlgorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
      default -> null;
    };
    if (signatureAlgorithm == null) {
      return true; // cannot probe; the handshake will tell
    }
    try {
      byte[] probe = "pledgepad".getBytes(StandardCharsets.US_ASCII);
      Signature sign = Signature.getInstance(signatureAlgorithm);
      sign.initSign(key);
      sign.update(probe);
      byte[] signature = sign.sign();
      Signature check = Signature.getInstance(signatureAlgorithm);
      check.initVerify(certificate.getPublicKey());
      check.update(probe);
      return check.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void checkPermissions(String setting, String path) {
    PosixFileAttributeView view = Files.getFileAttributeView(Path.of(path), PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: nothing to compare with libpq's rule
    }
    try {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      if (perms.stream().anyMatch(TOO_OPEN::contains)) {
        throw new ConfigException(setting, "sslkey " + path + " can be read or changed by others;"
            + " allow the owner (and at most the group to read): chmod 0600");
      }
    } catch (IOException e) {
      throw new ConfigException(setting, "sslkey " + path + " cannot be read");
    }
  }

  private static byte[] read(String setting, String param, String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(setting, param + " " + path + " cannot be read");
    }
  }

  /** libpq's behaviour in sslmode allow, prefer and require without a root certificate: encrypt, trust. */
  private static final class TrustAnyServer implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // deliberately none: these modes promise encryption, not authentication
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

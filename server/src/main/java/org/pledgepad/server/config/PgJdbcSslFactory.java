package org.pledgepad.server.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * pgjdbc's {@code sslfactory} when DATABASE_URL names TLS files: the same PEM files and the same
 * rules as the Vert.x client ({@link PgTlsFiles}). pgjdbc instantiates it with the connection's
 * properties; it still checks the host name itself in verify-full.
 */
public final class PgJdbcSslFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  public PgJdbcSslFactory(Properties info) {
    String mode = info.getProperty("sslmode", "prefer");
    PgTlsFiles files = PgTlsFiles.load("DATABASE_URL",
        info.getProperty("sslrootcert"), info.getProperty("sslcert"), info.getProperty("sslkey"));
    this.delegate = files.sslContext(mode.startsWith("verify-")).getSocketFactory();
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return delegate.createSocket(s, host, port, autoClose);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return delegate.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return delegate.createSocket(address, port, localAddress, localPort);
  }
}

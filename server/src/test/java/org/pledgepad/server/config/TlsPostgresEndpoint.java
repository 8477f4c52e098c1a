package org.pledgepad.server.config;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Just enough of a PostgreSQL server to prove a client's TLS: it answers the SSLRequest with 'S',
 * completes the handshake with its certificate (asking for the client's), notes whose certificate
 * the client presented, and answers the startup message — which only arrives over a working TLS
 * session — with a FATAL error carrying {@link #MARKER}. Our local test cluster runs without TLS,
 * so this is how both clients' TLS settings are tested end to end.
 */
final class TlsPostgresEndpoint implements AutoCloseable {
  static final String MARKER = "tls-endpoint-reached";
  private static final int SSL_REQUEST = 80877103;

  private final ServerSocket listener;
  private final SSLContext context;
  private final Thread acceptor;
  /** Subject of the client certificate of each connection that completed the handshake ("" when none). */
  final ConcurrentLinkedQueue<String> handshakes = new ConcurrentLinkedQueue<>();
  /** How many startup messages arrived over TLS. */
  final ConcurrentLinkedQueue<String> startups = new ConcurrentLinkedQueue<>();

  TlsPostgresEndpoint(SSLContext context) throws IOException {
    this.context = context;
    this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "tls-postgres-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try (Socket plain = listener.accept()) {
        serve(plain);
      } catch (IOException e) {
        // a client that gave up in the handshake, or the listener closing
      }
    }
  }

  private void serve(Socket plain) throws IOException {
    plain.setSoTimeout(10_000);
    DataInputStream in = new DataInputStream(plain.getInputStream());
    int length = in.readInt();
    int code = in.readInt();
    if (length != 8 || code != SSL_REQUEST) {
      return; // a client that did not ask for TLS first
    }
    plain.getOutputStream().write('S');
    plain.getOutputStream().flush();
    try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false)) {
      tls.setUseClientMode(false);
      tls.setWantClientAuth(true);
      tls.startHandshake();
      String subject = "";
      try {
        subject = ((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
      } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
        // no client certificate
      }
      handshakes.add(subject);
      InputStream tin = tls.getInputStream();
      DataInputStream tdata = new DataInputStream(tin);
      int startupLength = tdata.readInt();
      tdata.readNBytes(startupLength - 4);
      startups.add("startup");
      fatal(tls.getOutputStream());
    }
  }

  /** An ErrorResponse: severity, code, message. */
  private static void fatal(OutputStream out) throws IOException {
    byte[] fields = ("SFATAL\0VFATAL\0C28000\0M" + MARKER + "\0\0").getBytes(StandardCharsets.US_ASCII);
    out.write('E');
    int len = fields.length + 4;
    out.write(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
    out.write(fields);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

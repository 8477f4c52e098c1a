package org.pledgepad.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code verify EXPORT_FILE [--key ID=BASE64_X509]... [--head SEQ:HEXHASH]}: checks an export
 * offline. Exit code 0 when everything verifies, 1 when a problem was found (the first bad seq
 * is printed), 2 for usage errors or unreadable files. Without {@code --key} the keys declared
 * inside the export are used, which only proves internal consistency, and the output says so.
 */
public final class VerifyCommand {
  public static final int OK = 0;
  public static final int PROBLEM = 1;
  public static final int USAGE = 2;

  private VerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    int i = 0;
    if (i < args.length && args[i].equals("verify")) {
      i++;
    }
    String file = null;
    Map<String, PublicKey> pinned = new LinkedHashMap<>();
    Long headSeq = null;
    byte[] headHash = null;
    try {
      for (; i < args.length; i++) {
        if (args[i].equals("--key") && i + 1 < args.length) {
          String[] kv = args[++i].split("=", 2);
          pinned.put(kv[0], CheckpointSigner.publicKey(Base64.getDecoder().decode(kv[1])));
        } else if (args[i].equals("--head") && i + 1 < args.length) {
          String[] sh = args[++i].split(":", 2);
          headSeq = Long.parseLong(sh[0]);
          headHash = Hashes.unhex(sh[1]);
        } else if (file == null && !args[i].startsWith("--")) {
          file = args[i];
        } else {
          return usage(err, "unexpected argument " + args[i]);
        }
      }
    } catch (RuntimeException e) {
      return usage(err, "bad option value: " + e.getMessage());
    }
    if (file == null) {
      return usage(err, "no export file given");
    }
    ExportedHistory h;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      h = HistoryExport.read(in);
    } catch (IOException | RuntimeException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    if (pinned.isEmpty()) {
      out.println("note: checkpoint keys taken from the export itself; pass --key to pin trusted keys");
    }
    Verifier v = h.verifier(pinned.isEmpty() ? h.publicKeys() : pinned);
    if (headSeq != null) {
      v.publishedHead(headSeq, headHash);
    }
    return print(h.doc(), v.verify(h.rows()), out);
  }

  /**
   * Prints a report the way {@code verify} does and returns its exit code; the server's
   * {@code verify --database} uses it so both commands read alike.
   */
  public static int print(String doc, VerificationReport r, PrintStream out) {
    out.println(doc + ": " + r.summary());
    if (!r.ok()) {
      out.println("first bad seq: " + r.first().orElseThrow().seq());
      for (Problem p : r.problems()) {
        out.println("  " + p);
      }
      return PROBLEM;
    }
    return OK;
  }

  private static int usage(PrintStream err, String why) {
    err.println(why);
    err.println("usage: verify EXPORT_FILE [--key ID=BASE64_X509]... [--head SEQ:HEXHASH]");
    return USAGE;
  }
}

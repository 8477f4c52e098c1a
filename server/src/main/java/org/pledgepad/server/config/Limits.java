package org.pledgepad.server.config;

import java.time.Duration;

/**
 * Limits applied to every connection and document. The defaults follow OWASP's advice for
 * WebSockets: a bounded message, a per-connection message rate and a bounded send queue so a
 * slow reader cannot make the server buffer without end.
 *
 * @param maxFrameBytes size of the frames outgoing messages are split into. Incoming frames may be
 *     as large as {@code maxMessageBytes}: browsers send every message as one frame, whatever
 *     its size, so a smaller incoming frame limit refused edits a stock client cannot send
 *     otherwise (a paste over 64 KiB, or the sync step 2 of a document with many deletions).
 * @param maxMessageBytes largest reassembled message (a sync step 2 from a client with much
 *     offline work can exceed one frame)
 * @param messagesPerSecond sustained messages per second per connection
 * @param messageBurst messages a connection may send at once above the sustained rate
 * @param maxDocumentBytes size of a document's state beyond which updates are refused
 * @param idleTimeout a connection from which nothing arrived for this long is closed
 * @param pingInterval how often the server pings idle connections
 * @param sendQueueBytes bytes buffered for a slow reader before it is dropped
 * @param maxDocumentsPerConnection documents one Hocuspocus socket may open
 * @param maxQueuedBeforeAuth messages of one document held while its auth is pending
 * @param maxBytesQueuedBeforeAuth bytes of received messages one connection holds, over all its
 *     documents, while their auth is pending (at least maxMessageBytes)
 * @param authTimeout a document whose auth has not resolved this long after its first message
 *     closes its connection (a Hocuspocus client may never send Auth, a hook may never answer)
 */
public record Limits(
    int maxFrameBytes,
    int maxMessageBytes,
    int messagesPerSecond,
    int messageBurst,
    long maxDocumentBytes,
    Duration idleTimeout,
    Duration pingInterval,
    int sendQueueBytes,
    int maxDocumentsPerConnection,
    int maxQueuedBeforeAuth,
    int maxBytesQueuedBeforeAuth,
    Duration authTimeout) {

  public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
  public static final int DEFAULT_MESSAGES_PER_SECOND = 100;
  public static final int DEFAULT_MESSAGE_BURST = 500;
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
  public static final int DEFAULT_SEND_QUEUE_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_DOCUMENTS_PER_CONNECTION = 32;
  public static final int DEFAULT_MAX_QUEUED_BEFORE_AUTH = 64;
  /** Raised to maxMessageBytes when that is larger, so that one maximal message can always wait. */
  public static final int DEFAULT_MAX_BYTES_QUEUED_BEFORE_AUTH = 4 * 1024 * 1024;
  public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(30);
}

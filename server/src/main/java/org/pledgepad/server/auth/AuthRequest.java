package org.pledgepad.server.auth;

/**
 * What a connection presents for one document.
 *
 * @param token the ?token= query parameter (y-websocket) or the Auth message (Hocuspocus); may
 *     be null or empty. Never logged.
 * @param remoteAddress the peer address as the server sees it
 */
public record AuthRequest(String documentName, String token, String remoteAddress) {}

package org.pledgepad.server.pledges;

/** What an entry of the succession audit log records. */
enum SuccessionAction {
  DECLARED,
  DECIDED,
  DELETED
}

package org.pledgepad.server.pledges;

import org.pledgepad.pledges.model.PledgeLink;

/** A confirmed link with the id its REST resource has (/api/pledges/links/{id}). */
public record StoredLink(String id, PledgeLink link) {}
